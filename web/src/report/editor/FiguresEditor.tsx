import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api.ts';
import { REPORT_LANGS, type FigureDef } from '../report.ts';
import { TextAreaField, TextField } from '../../ui/Field.tsx';
import { errorsUnder } from './draft.ts';
import { Fold } from './Fold.tsx';
import { PathErrors } from './LangTexts.tsx';

/** What a box shows in its heading: the label in the interface language, read from the JSON if it parses. */
function heading(text: string, lang: string): { id: string; label: string } {
  try {
    const f = JSON.parse(text) as Partial<FigureDef>;
    const label = f.label as Record<string, string | undefined> | undefined;
    return { id: String(f.id ?? ''), label: label?.[lang] || label?.en || '' };
  } catch {
    return { id: /"id"\s*:\s*"([^"]*)"/.exec(text)?.[1] ?? '', label: '' };
  }
}

function FigureBox({ index, text, fresh, jsonError, errors, onChange, onRemove }: { index: number; text: string; fresh: boolean; jsonError: string | undefined; errors: FieldError[]; onChange: (text: string) => void; onRemove: () => void }) {
  const { t, i18n } = useTranslation();
  const { id, label } = heading(text, i18n.language);
  const path = `figures.${index}`;
  const invalid = jsonError !== undefined || errors.length > 0;
  return (
    <Fold className={`def-figure${invalid ? ' def-figure--error' : ''}`} data-figure={id} openWhen={invalid} startOpen={fresh}>
      <summary>
        {label || t('reportEditor.unnamedFigure')} <code>{id}</code>
        {invalid && <span className="tag tag--invalid">{t('reportEditor.invalid')}</span>}
      </summary>
      <TextAreaField
        id={`def-figure-${index}`}
        className="def-json"
        label={t('reportEditor.figureJson', { id })}
        hint={t('reportEditor.figureJsonHint')}
        rows={Math.min(24, text.split('\n').length + 1)}
        spellCheck={false}
        autoFocus={fresh}
        value={text}
        error={jsonError === undefined ? undefined : t('reportEditor.badJson', { detail: jsonError })}
        onChange={(e) => onChange(e.target.value)}
      />
      <PathErrors base={path} errors={errors} />
      <div className="form-actions">
        <button type="button" className="button button--danger button--small" onClick={onRemove}>
          {t('reportEditor.removeFigure', { id })}
        </button>
      </div>
    </Fold>
  );
}

/** Every figure of the definition as JSON, found by id or label; new ones start from a small template. */
export function FiguresEditor({ texts, keys, jsonErrors, fieldErrors, setFigure, addFigure, removeFigure }: {
  texts: string[];
  /** A stable key per box, so removing one leaves the others as they were (open or folded). */
  keys: number[];
  jsonErrors: Map<number, string>;
  fieldErrors: FieldError[];
  setFigure: (i: number, text: string) => void;
  addFigure: (f: FigureDef) => void;
  removeFigure: (i: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [find, setFind] = useState('');
  // The box just added opens with the cursor in it.
  const [fresh, setFresh] = useState<number | null>(null);
  const needle = find.trim().toLowerCase();
  const shown = texts.map((text, i) => ({ text, i })).filter(({ text, i }) => !needle || jsonErrors.has(i) || errorsUnder(fieldErrors, `figures.${i}`).length > 0 || text.toLowerCase().includes(needle));
  const add = () => {
    let n = texts.length + 1;
    while (texts.some((x) => x.includes(`"new.figure_${n}"`))) n++;
    const label = Object.fromEntries(REPORT_LANGS.map((l) => [l, i18n.getFixedT(l)('reportEditor.newFigureLabel', { n })]));
    addFigure({ id: `new.figure_${n}`, label, from: 'persons', date: 'identified', count: 'persons', where: { personStatus: 'victim' } });
    setFind('');
    setFresh(texts.length);
  };
  return (
    <section aria-labelledby="def-figures-title" className="def-figures">
      <h2 id="def-figures-title">{t('reportEditor.figures', { count: texts.length })}</h2>
      <p className="hint">{t('reportEditor.figuresHint')}</p>
      <div className="field-row">
        <TextField id="def-figure-find" type="search" label={t('reportEditor.findFigure')} value={find} onChange={(e) => setFind(e.target.value)} />
        <div className="form-actions">
          <button type="button" className="button button--secondary" onClick={add}>
            {t('reportEditor.addFigure')}
          </button>
        </div>
      </div>
      <PathErrors base="figures" errors={fieldErrors.filter((f) => f.path === 'figures')} />
      {shown.map(({ text, i }) => (
        <FigureBox key={keys[i]} index={i} text={text} fresh={fresh === i} jsonError={jsonErrors.get(i)} errors={errorsUnder(fieldErrors, `figures.${i}`)} onChange={(x) => setFigure(i, x)} onRemove={() => {
            setFresh(null);
            removeFigure(i);
          }} />
      ))}
      {shown.length === 0 && <p className="muted">{t('reportEditor.noFigureFound')}</p>}
    </section>
  );
}
