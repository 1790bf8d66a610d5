import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api.ts';
import { useSubmit } from '../form.ts';
import type { Overview } from './report.ts';
import { FormAlert, Notice } from '../ui/Alerts.tsx';
import { TextAreaField } from '../ui/Field.tsx';

/** The coordinator's text for one narrative block, in each report language. */
function NarrativeForm({ year, block, onSaved }: { year: number; block: Overview['narratives'][number]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState({ az: block.az, en: block.en, ru: block.ru });
  const [saved, setSaved] = useState<string | null>(null);
  const save = useSubmit();
  const onSubmit = save.onSubmit(async () => {
    setSaved(null);
    await api.put(`/api/reports/${year}/narratives/${block.id}`, text);
    setSaved(t('common.saved'));
    onSaved();
  });
  return (
    <form className="card" onSubmit={onSubmit} aria-label={block.id}>
      <h3>{block.label || block.id}</h3>
      <FormAlert error={save.error} />
      <TextAreaField id={`narrative-${block.id}-az`} label={t('report.textAz')} rows={4} value={text.az} onChange={(e) => setText({ ...text, az: e.target.value })} />
      <TextAreaField id={`narrative-${block.id}-en`} label={t('report.textEn')} rows={4} value={text.en} onChange={(e) => setText({ ...text, en: e.target.value })} />
      <TextAreaField id={`narrative-${block.id}-ru`} label={t('report.textRu')} rows={4} value={text.ru} onChange={(e) => setText({ ...text, ru: e.target.value })} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.busy}>
          {save.busy ? t('common.saving') : t('common.save')}
        </button>
      </div>
      <Notice message={saved} />
    </form>
  );
}

export function Narratives({ year, blocks, onSaved }: { year: number; blocks: Overview['narratives']; onSaved: () => void }) {
  return (
    <>
      {blocks.map((b) => (
        <NarrativeForm key={`${year}-${b.id}`} year={year} block={b} onSaved={onSaved} />
      ))}
    </>
  );
}
