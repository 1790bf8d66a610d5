import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorUnit, PeriodType, Qualifier } from '../../../src/profile/schema.ts';
import { api, ApiError } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { blankAttribute, blankIndicator, cataloguePage, reportersOf, type Catalogue, type CatalogueAttribute, type CatalogueData, type CatalogueIndicator } from './indicators.ts';
import { navigate, useLocation } from '../router.tsx';

const LANGS = ['az', 'en', 'ru'] as const;

/** One indicator as edited: the id it was loaded with (a changed id is a rename) and the reporters as typed. */
interface Item {
  key: number;
  origId: string | null;
  ind: CatalogueIndicator;
  reporters: string;
}

const toItems = (c: Catalogue): Item[] => c.indicators.map((ind, i) => ({ key: i, origId: ind.id, ind, reporters: ind.agencies.join(', ') }));

/** The catalogue to store: reporters split, and an existing indicator whose id changed continues its old id. */
function compose(base: Catalogue, items: Item[]): Catalogue {
  return {
    ...base,
    indicators: items.map(({ origId, ind, reporters }) => {
      const renamedFrom = origId && origId !== ind.id && !ind.renamedFrom.includes(origId) ? [...ind.renamedFrom, origId] : ind.renamedFrom;
      const label = { az: ind.label.az, en: ind.label.en, ...(ind.label.ru ? { ru: ind.label.ru } : {}) };
      const attributes = ind.attributes.map((a) => ({ ...a, label: { az: a.label.az, en: a.label.en, ...(a.label.ru ? { ru: a.label.ru } : {}) } }));
      return { ...ind, label, attributes, agencies: reportersOf(reporters), renamedFrom };
    }),
  };
}

function IndicatorEditor({ item, index, errors, onChange, open }: { item: Item; index: number; errors: (path: string) => string | undefined; onChange: (next: Item) => void; open: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const { ind } = item;
  const at = `indicators.${index}`;
  const idp = `ind-${item.key}`;
  const set = (patch: Partial<CatalogueIndicator>) => onChange({ ...item, ind: { ...ind, ...patch } });
  const setAttr = (k: number, patch: Partial<CatalogueAttribute>) => set({ attributes: ind.attributes.map((a, j) => (j === k ? { ...a, ...patch } : a)) });
  const anyError = [`${at}.`, `${at}`].some((p) => errors(p) !== undefined) || errors(`${at}*`) !== undefined;
  const renamed = item.origId && item.origId !== ind.id && ind.id;
  return (
    <details className="card catalogue-item" open={open || anyError} data-indicator={ind.id || 'new'}>
      <summary>
        <strong>{f.label(ind.label) || t('indicators.newIndicator')}</strong> <code>{ind.id}</code>
        {ind.retired && <span className="badge">{t('indicators.retired')}</span>}
        {ind.attributes.length > 0 && <span className="muted"> · {ind.attributes.map((a) => f.label(a.label) || a.id).join(', ')}</span>}
      </summary>
      <div className="catalogue-fields">
        <TextField id={`${idp}-id`} label={t('indicators.id')} hint={t('indicators.idHint')} value={ind.id} error={errors(`${at}.id`)} onChange={(e) => set({ id: e.target.value.trim() })} />
        {renamed && <p className="hint">{t('indicators.renameNote', { from: item.origId })}</p>}
        {ind.renamedFrom.length > 0 && <p className="hint">{t('indicators.renamedFrom', { ids: ind.renamedFrom.join(', ') })}</p>}
        {errors(`${at}.renamedFrom*`) && <p className="field-error">{errors(`${at}.renamedFrom*`)}</p>}
        {LANGS.map((lang) => (
          <TextField key={lang} id={`${idp}-label-${lang}`} label={t(`indicators.label.${lang}`)} optional={lang === 'ru'} value={ind.label[lang] ?? ''} error={errors(`${at}.label.${lang}`)} onChange={(e) => set({ label: { ...ind.label, [lang]: e.target.value } })} />
        ))}
        <SelectField id={`${idp}-unit`} label={t('indicators.unit')} value={ind.unit} error={errors(`${at}.unit`)} onChange={(e) => set({ unit: e.target.value as CatalogueIndicator['unit'] })}>
          {IndicatorUnit.options.map((u) => (
            <option key={u} value={u}>
              {t(`submissions.units.${u}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idp}-period`} label={t('indicators.periodType')} value={ind.periodType} error={errors(`${at}.periodType`)} onChange={(e) => set({ periodType: e.target.value as CatalogueIndicator['periodType'] })}>
          {PeriodType.options.map((p) => (
            <option key={p} value={p}>
              {t(`indicators.periodTypes.${p}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id={`${idp}-qualifier`} label={t('indicators.qualifier')} hint={t('indicators.qualifierHint')} optional value={ind.qualifier ?? ''} error={errors(`${at}.qualifier`)} onChange={(e) => set({ qualifier: (e.target.value || undefined) as CatalogueIndicator['qualifier'] })}>
          <option value="">{t('submissions.exact')}</option>
          {Qualifier.options.map((q) => (
            <option key={q} value={q}>
              {t(`submissions.qualifiers.${q}`)}
            </option>
          ))}
        </SelectField>
        <TextField id={`${idp}-reporters`} label={t('indicators.reporters')} hint={t('indicators.reportersHint')} value={item.reporters} error={errors(`${at}.agencies*`)} onChange={(e) => onChange({ ...item, reporters: e.target.value })} />
        <CheckboxField id={`${idp}-retired`} label={t('indicators.retire')} hint={t('indicators.retireHint')} checked={ind.retired} onChange={(e) => set({ retired: e.target.checked })} />
        <fieldset className="catalogue-attributes">
          <legend>{t('indicators.attributes')}</legend>
          <p className="hint">{t('indicators.attributesHint')}</p>
          {ind.attributes.map((a, k) => (
            <div key={k} className="catalogue-attribute" data-attribute={a.id || 'new'}>
              <TextField id={`${idp}-attr-${k}-id`} label={t('indicators.attributeId')} value={a.id} error={errors(`${at}.attributes.${k}.id`)} onChange={(e) => setAttr(k, { id: e.target.value.trim() })} />
              <SelectField id={`${idp}-attr-${k}-unit`} label={t('indicators.unit')} value={a.unit} error={errors(`${at}.attributes.${k}.unit`)} onChange={(e) => setAttr(k, { unit: e.target.value as CatalogueAttribute['unit'] })}>
                {IndicatorUnit.options.map((u) => (
                  <option key={u} value={u}>
                    {t(`submissions.units.${u}`)}
                  </option>
                ))}
              </SelectField>
              {LANGS.map((lang) => (
                <TextField key={lang} id={`${idp}-attr-${k}-label-${lang}`} label={t(`indicators.attributeLabel.${lang}`)} optional={lang === 'ru'} value={a.label[lang] ?? ''} error={errors(`${at}.attributes.${k}.label.${lang}`)} onChange={(e) => setAttr(k, { label: { ...a.label, [lang]: e.target.value } })} />
              ))}
              <button type="button" className="button button--secondary" onClick={() => set({ attributes: ind.attributes.filter((_, j) => j !== k) })}>
                {t('indicators.removeAttribute')}
              </button>
            </div>
          ))}
          <button type="button" className="button button--secondary" onClick={() => set({ attributes: [...ind.attributes, blankAttribute()] })}>
            {t('indicators.addAttribute')}
          </button>
        </fieldset>
      </div>
    </details>
  );
}

function Editor({ loaded }: { loaded: CatalogueData }) {
  const { t } = useTranslation();
  const [data, setData] = useState(loaded);
  const [items, setItems] = useState(() => toItems(loaded.catalogue));
  const [opened, setOpened] = useState<number | null>(null);
  const [filter, setFilter] = useState('');
  const [saved, setSaved] = useState(false);
  const save = useSubmit();
  const start = useSubmit();
  const { year } = data;
  const fields = save.error instanceof ApiError ? save.error.fields : [];
  // `path*` is the first error at or under a path; otherwise the error at exactly that path.
  const errors = (path: string) => {
    if (path.endsWith('*')) {
      const p = path.slice(0, -1);
      return fields.find((e) => e.path === p || e.path.startsWith(`${p}.`))?.message;
    }
    return fields.find((e) => e.path === path)?.message;
  };
  const unplaced = fields.filter((e) => !/^indicators\.\d+(\.|$)/.test(e.path));

  const onSave = save.onSubmit(async () => {
    setSaved(false);
    const out = await api.put<CatalogueData>(`/api/indicator-catalogue?year=${year}`, compose(data.catalogue, items));
    setData(out);
    setItems(toItems(out.catalogue));
    setSaved(true);
  });
  const onStart = () =>
    void start.run(async () => {
      const out = await api.post<CatalogueData>('/api/indicator-catalogue/start', { year });
      setData(out);
      setItems(toItems(out.catalogue));
    });
  const add = () => {
    const key = Math.max(-1, ...items.map((i) => i.key)) + 1;
    setItems([...items, { key, origId: null, ind: blankIndicator(), reporters: '' }]);
    setOpened(key);
    setFilter('');
  };
  const q = filter.trim().toLowerCase();
  const shown = items.map((item, index) => ({ item, index })).filter(({ item }) => !q || item.ind.id.includes(q) || Object.values(item.ind.label).some((l) => l?.toLowerCase().includes(q)));
  const source = data.source === 'stored' ? t('indicators.source.stored', { year }) : data.source === 'inherited' ? t('indicators.source.inherited', { year, fromYear: data.fromYear }) : t('indicators.source.profile', { year });

  return (
    <>
      <p className="lead" data-testid="catalogue-source" data-source={data.source}>
        {source}
      </p>
      {data.source !== 'stored' && (
        <p>
          <button type="button" className="button button--secondary" disabled={start.busy} onClick={onStart}>
            {t('indicators.start', { year, from: year - 1 })}
          </button>
        </p>
      )}
      <FormAlert error={start.error} />
      <form onSubmit={onSave} noValidate aria-label={t('indicators.save')}>
        <FormAlert error={save.error} />
        {unplaced.length > 0 && (
          <ul className="field-error" data-testid="catalogue-errors">
            {unplaced.map((e) => (
              <li key={`${e.path}:${e.message}`}>{e.message}</li>
            ))}
          </ul>
        )}
        <div className="filters">
          <TextField id="catalogue-filter" label={t('indicators.find')} value={filter} onChange={(e) => setFilter(e.target.value)} />
        </div>
        <p className="muted">{t('indicators.count', { count: items.length, retired: items.filter((i) => i.ind.retired).length })}</p>
        {shown.map(({ item, index }) => (
          <IndicatorEditor key={item.key} item={item} index={index} errors={errors} open={opened === item.key} onChange={(next) => setItems(items.map((x) => (x.key === item.key ? next : x)))} />
        ))}
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={add}>
            {t('indicators.add')}
          </button>
          <button type="submit" className="button" disabled={save.busy}>
            {save.busy ? t('common.saving') : t('indicators.save')}
          </button>
        </div>
        <Notice message={saved ? t('indicators.saved', { year }) : null} />
      </form>
    </>
  );
}

/** The coordinator's catalogue of what agencies report, per year: add, rename, retire, units, qualifiers, attributes, reporters. */
export function IndicatorCataloguePage() {
  const { t } = useTranslation();
  const { query } = useLocation();
  const year = Number(query.get('year') ?? new Date().getFullYear() - 1);
  const [yearInput, setYearInput] = useState(String(year));
  const loaded = useResource<CatalogueData>(`/api/indicator-catalogue?year=${year}`);
  const data = loaded.data?.year === year ? loaded.data : undefined;
  return (
    <Page title={t('indicators.title', { year })}>
      <form
        className="filters card"
        onSubmit={(e) => {
          e.preventDefault();
          if (/^\d{4}$/.test(yearInput)) navigate(cataloguePage(Number(yearInput)));
        }}
      >
        <TextField id="catalogue-year" label={t('indicators.year')} inputMode="numeric" value={yearInput} onChange={(e) => setYearInput(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t('submissions.open')}
          </button>
        </div>
      </form>
      <LoadState loading={loaded.loading && !data} error={loaded.error} />
      {data && <Editor key={`${year}:${data.updatedAt ?? ''}`} loaded={data} />}
    </Page>
  );
}
