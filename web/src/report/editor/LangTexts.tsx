import { useTranslation } from 'react-i18next';
import type { FieldError } from '../../api.ts';
import { checkMessage } from '../problemMessage.ts';
import { REPORT_LANGS, type Text } from '../report.ts';
import { TextAreaField, TextField } from '../../ui/Field.tsx';

/** One text of the definition in az, en and ru; each box shows the server's error for its own path. */
export function LangTexts({ path, value, label, multiline, fieldErrors, onChange }: {
  /** The definition path of the text, e.g. `sections.3.blocks.1.text`. */
  path: string;
  value: Text | undefined;
  label: string;
  multiline?: boolean;
  fieldErrors: FieldError[];
  onChange: (next: Text) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="lang-texts">
      <legend>{label}</legend>
      {REPORT_LANGS.map((lang) => {
        const id = `def-${path}.${lang}`.replace(/\./g, '-');
        const found = fieldErrors.find((f) => f.path === `${path}.${lang}`);
        const props = {
          id,
          label: t(`languages.${lang}`),
          lang,
          value: value?.[lang] ?? '',
          error: found === undefined ? undefined : checkMessage(t, found),
          'data-path': `${path}.${lang}`,
        };
        return multiline ? (
          <TextAreaField key={lang} {...props} rows={4} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
        ) : (
          <TextField key={lang} {...props} onChange={(e) => onChange({ ...value, [lang]: e.target.value })} />
        );
      })}
    </fieldset>
  );
}

/** Errors the server named inside something that has no box of its own (e.g. a chart's figure id). */
export function PathErrors({ errors, base }: { errors: FieldError[]; base: string }) {
  const { t } = useTranslation();
  if (errors.length === 0) return null;
  return (
    <ul className="field-error path-errors">
      {errors.map((f) => (
        <li key={f.path}>
          {f.path !== base && <code>{base ? f.path.slice(base.length + 1) : f.path}</code>} {checkMessage(t, f)}
        </li>
      ))}
    </ul>
  );
}
