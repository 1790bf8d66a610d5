import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api.ts';
import type { ReportDefinition } from '../report.ts';
import { errorsUnder, type Path } from './draft.ts';
import { Fold } from './Fold.tsx';
import { LangTexts, PathErrors } from './LangTexts.tsx';

type Block = ReportDefinition['sections'][number]['blocks'][number];

/** The editable text of a block: a sentence, a narrative's label, a table's caption, a chart's title. */
function textOf(block: Block): { key: 'text' | 'label' | 'caption' | 'title'; multiline: boolean } {
  switch (block.kind) {
    case 'text':
      return { key: 'text', multiline: true };
    case 'narrative':
      return { key: 'label', multiline: false };
    case 'table':
      return { key: 'caption', multiline: false };
    case 'chart':
      return { key: 'title', multiline: false };
    default: {
      const never: never = block;
      return never;
    }
  }
}

function BlockEditor({ block, at, fieldErrors, update }: { block: Block; at: Path; fieldErrors: FieldError[]; update: (path: Path, value: unknown) => void }) {
  const { t } = useTranslation();
  const path = at.join('.');
  const { key, multiline } = textOf(block);
  const textPath = `${path}.${key}`;
  const own = new Set(['az', 'en', 'ru'].map((l) => `${textPath}.${l}`));
  const figure = 'figure' in block ? block.figure : undefined;
  return (
    <div className={`def-block def-block--${block.kind}`} data-block={path}>
      <p className="def-block-kind">
        {t(`reportEditor.kinds.${block.kind}`)}
        {'id' in block && block.id ? <code> {block.id}</code> : null}
        {figure && <> · {t('reportEditor.figureOf')} <code>{figure}</code></>}
      </p>
      <LangTexts
        path={textPath}
        value={block[key as keyof Block] as never}
        label={t(`reportEditor.textLabel.${key}`)}
        multiline={multiline}
        fieldErrors={fieldErrors}
        onChange={(v) => update([...at, key], v)}
      />
      <PathErrors base={path} errors={errorsUnder(fieldErrors, path).filter((f) => !own.has(f.path))} />
    </div>
  );
}

/** Every section with its title and blocks; each section folds so the long ones stay manageable. */
export function SectionsEditor({ sections, fieldErrors, update }: { sections: ReportDefinition['sections']; fieldErrors: FieldError[]; update: (path: Path, value: unknown) => void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language as 'az' | 'en' | 'ru';
  return (
    <section aria-labelledby="def-sections-title">
      <h2 id="def-sections-title">{t('reportEditor.sections')}</h2>
      {sections.map((s, i) => {
        const path = `sections.${i}`;
        const errors = errorsUnder(fieldErrors, path);
        const sectionOwn = errors.filter((f) => !f.path.startsWith(`${path}.blocks.`) && !f.path.startsWith(`${path}.title.`));
        return (
          <Fold key={s.id} className={`card def-section${errors.length ? ' def-section--error' : ''}`} data-section={s.id} openWhen={errors.length > 0}>
            <summary>
              {s.title[lang] || s.title.en || s.id}
              {errors.length > 0 && <span className="tag tag--invalid">{t('reportEditor.errorCount', { count: errors.length })}</span>}
            </summary>
            <LangTexts path={`${path}.title`} value={s.title} label={t('reportEditor.sectionTitle')} fieldErrors={fieldErrors} onChange={(v) => update(['sections', i, 'title'], v)} />
            <PathErrors base={path} errors={sectionOwn} />
            {s.blocks.map((b, j) => (
              <BlockEditor key={j} block={b} at={['sections', i, 'blocks', j]} fieldErrors={fieldErrors} update={update} />
            ))}
          </Fold>
        );
      })}
    </section>
  );
}
