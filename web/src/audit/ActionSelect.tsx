// Choosing a recorded action by its name, grouped by the part of the system it belongs to.
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, areaOf } from '../../../src/audit/actions.ts';
import { currentLanguage } from '../i18n/index.ts';
import { SelectField } from '../ui/Field.tsx';

export function ActionSelect({ id, label, value, onChange, placeholder, error }: { id: string; label: string; value: string; onChange: (code: string) => void; placeholder: string; error?: string | undefined }) {
  useTranslation(); // drawn again when the language changes
  const lang = currentLanguage();
  const byName = (a: string, b: string) => a.localeCompare(b, lang);
  const groups = new Map<string, { code: string; name: string }[]>();
  for (const code of AUDIT_ACTIONS) {
    const area = areaOf(code)?.[lang] ?? '';
    groups.set(area, [...(groups.get(area) ?? []), { code, name: AUDIT_ACTION_NAMES[code][lang] }]);
  }
  return (
    <SelectField id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
      <option value="">{placeholder}</option>
      {[...groups.entries()]
        .sort(([a], [b]) => byName(a, b))
        .map(([area, items]) => (
          <optgroup key={area} label={area}>
            {items
              .sort((a, b) => byName(a.name, b.name))
              .map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                </option>
              ))}
          </optgroup>
        ))}
    </SelectField>
  );
}
