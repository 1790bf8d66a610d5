import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { REPORT_LANGS, type PreviewData, type ReportLang } from '../report.ts';
import { FormAlert } from '../../ui/Alerts.tsx';
import { SelectField } from '../../ui/Field.tsx';
import { ValidationPanel } from '../ValidationPanel.tsx';
import { applyStyles, splitStyles } from './previewFrame.ts';

export type PreviewState = { kind: 'waiting' } | { kind: 'blocked' } | { kind: 'failed'; error: unknown } | { kind: 'shown' };

/**
 * The report as the proposed definition would print it, in a sandboxed frame that runs no script,
 * submits no form and navigates nothing outside itself. The sandbox keeps the page's origin only so
 * that its styling can be applied from here (see previewFrame.ts); never add allow-scripts to it.
 */
export function PreviewPane({ lang, onLang, preview, state }: { lang: ReportLang; onLang: (l: ReportLang) => void; preview: PreviewData | null; state: PreviewState }) {
  const { t } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const page = useMemo(() => (preview ? splitStyles(preview.html) : null), [preview]);
  return (
    <section className="def-preview" aria-labelledby="def-preview-title">
      <div className="def-preview-head">
        <h2 id="def-preview-title">{t('reportEditor.preview')}</h2>
        <SelectField id="def-preview-lang" label={t('reportEditor.previewLang')} value={lang} onChange={(e) => onLang(e.target.value as ReportLang)}>
          {REPORT_LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="muted def-preview-status" aria-live="polite" data-state={state.kind}>
        {state.kind === 'waiting' ? t('reportEditor.previewUpdating') : state.kind === 'blocked' ? t('reportEditor.previewBlocked') : state.kind === 'failed' ? t('reportEditor.previewFailed') : '\u00a0'}
      </p>
      {state.kind === 'failed' && <FormAlert error={state.error} />}
      {page && (
        <iframe
          ref={frame}
          className="def-preview-frame"
          title={t('reportEditor.previewFrame', { lang: t(`languages.${lang}`) })}
          sandbox="allow-same-origin"
          srcDoc={page.markup}
          onLoad={() => frame.current && applyStyles(frame.current, page.css)}
        />
      )}
      {preview && <ValidationPanel problems={preview.problems} />}
    </section>
  );
}
