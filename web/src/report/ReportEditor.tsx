import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { Page } from '../ui/Page.tsx';
import { useDefinitionDraft } from './editor/draft.ts';
import { FiguresEditor } from './editor/FiguresEditor.tsx';
import { PathErrors } from './editor/LangTexts.tsx';
import { PreviewPane, type PreviewState } from './editor/PreviewPane.tsx';
import { SectionsEditor } from './editor/SectionsEditor.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { reportLang, type DefinitionData, type PreviewData, type ReportLang } from './report.ts';
import { Link, useLocation } from '../router.tsx';

const PREVIEW_DELAY_MS = 700;

/** Where the definition in force came from, in words. */
function SourceNote({ year, source, fromYear }: Pick<DefinitionData, 'year' | 'source' | 'fromYear'>) {
  const { t } = useTranslation();
  const text = source === 'stored' ? t('reportEditor.source.stored', { year }) : source === 'inherited' ? t('reportEditor.source.inherited', { year, fromYear }) : t('reportEditor.source.profile', { year });
  return (
    <p className="lead" data-testid="definition-source" data-source={source}>
      {text}
    </p>
  );
}

function Editor({ loaded }: { loaded: DefinitionData }) {
  const { t, i18n } = useTranslation();
  const { year } = loaded;
  const draft = useDefinitionDraft(loaded.definition);
  const { composed, fieldErrors, setFieldErrors } = draft;
  const [source, setSource] = useState(loaded);
  const [lang, setLang] = useState<ReportLang>(reportLang(i18n.language));
  const [preview, setPreview] = useState<PreviewData | null>(null);
  // The last answer, for the draft it answered: the state shown is derived from it.
  const [answer, setAnswer] = useState<{ body: string; state: PreviewState } | null>(null);
  const [saved, setSaved] = useState(false);
  const save = useSubmit();
  const body = useMemo(() => (composed.definition ? JSON.stringify({ definition: composed.definition, lang }) : null), [composed.definition, lang]);
  const hasPreview = preview !== null;
  // Edits not yet stored: leaving the page would lose them, so the browser asks first.
  const [storedJson, setStoredJson] = useState(() => JSON.stringify(loaded.definition));
  const dirty = composed.definition === null || JSON.stringify(composed.definition) !== storedJson;
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  // The preview follows the edits, once typing pauses; an answer to an older draft is dropped.
  useEffect(() => {
    if (body === null) return;
    let live = true;
    const timer = setTimeout(() => {
      api.post<PreviewData>(`/api/reports/${year}/preview`, JSON.parse(body)).then(
        (p) => {
          if (!live) return;
          setPreview(p);
          setFieldErrors([]);
          setAnswer({ body, state: { kind: 'shown' } });
        },
        (err: unknown) => {
          if (!live) return;
          if (err instanceof ApiError && err.code === 'validation_failed') {
            setFieldErrors(err.fields);
            setAnswer({ body, state: { kind: 'blocked' } });
          } else setAnswer({ body, state: { kind: 'failed', error: err } });
        },
      );
    }, hasPreview ? PREVIEW_DELAY_MS : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // hasPreview only picks the first delay; it must not trigger a preview of its own.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [body, year, setFieldErrors]);

  const onSave = save.onSubmit(async () => {
    setSaved(false);
    if (!composed.definition) throw new ApiError(400, 'figure_json', t('reportEditor.saveBlockedJson', { count: composed.jsonErrors.size }));
    try {
      const out = await api.put<DefinitionData>(`/api/reports/${year}/definition`, composed.definition);
      setSource(out);
      setStoredJson(JSON.stringify(composed.definition));
      setFieldErrors([]);
      setSaved(true);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'validation_failed') setFieldErrors(err.fields);
      throw err;
    }
  });
  const previewState: PreviewState = body === null ? { kind: 'blocked' } : answer?.body === body ? answer.state : { kind: 'waiting' };
  const unplaced = fieldErrors.filter((f) => !/^(sections|figures)\.\d+(\.|$)/.test(f.path));

  return (
    <>
      <SourceNote {...source} />
      <form className="def-save" onSubmit={onSave} noValidate aria-label={t('reportEditor.save')}>
        <FormAlert error={save.error} />
        <PathErrors base="" errors={unplaced} />
        <div className="form-actions">
          <button type="submit" className="button" disabled={save.busy}>
            {save.busy ? t('common.saving') : t('reportEditor.save')}
          </button>
          <Link className="button button--secondary" to={`/report?year=${year}`} onClick={(e) => dirty && !window.confirm(t('reportEditor.leaveUnsaved')) && e.preventDefault()}>
            {t('reportEditor.backToReport', { year })}
          </Link>
        </div>
        <Notice message={saved ? t('reportEditor.saved', { year }) : null} />
      </form>
      <div className="def-layout">
        <div className="def-edit">
          <SectionsEditor sections={draft.base.sections} fieldErrors={fieldErrors} update={draft.update} />
          <FiguresEditor texts={draft.figureTexts} keys={draft.figureKeys} jsonErrors={composed.jsonErrors} fieldErrors={fieldErrors} setFigure={draft.setFigure} addFigure={draft.addFigure} removeFigure={draft.removeFigure} />
        </div>
        <PreviewPane lang={lang} onLang={setLang} preview={preview} state={previewState} />
      </div>
    </>
  );
}

/** The coordinator's editor of a year's report definition: sentences, titles and figures, with a live preview. */
export function ReportEditorPage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const year = Number(query.get('year') ?? new Date().getFullYear() - 1);
  const loaded = useResource<DefinitionData>(`/api/reports/${year}/definition`);
  const data = loaded.data?.year === year ? loaded.data : undefined;
  return (
    <Page title={t('reportEditor.title', { year })}>
      <LoadState loading={loaded.loading && !data} error={loaded.error} />
      {data && <Editor key={year} loaded={data} />}
    </Page>
  );
}
