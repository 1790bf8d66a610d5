// Warnings from a save that went through (e.g. a phone number kept as written): announced
// politely, shown next to what was saved, never as an error.
import { useTranslation } from 'react-i18next';
import type { SaveWarning } from './hotline.ts';

export function Warnings({ warnings, phones, handles }: { warnings: SaveWarning[]; phones: string[]; handles: string[] }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  const describe = (w: SaveWarning) => {
    const m = /^(phones|handles)\.(\d+)$/.exec(w.path);
    const value = m ? (m[1] === 'phones' ? phones : handles)[Number(m[2])] : undefined;
    const message = /^not a valid phone number/.test(w.message) ? t('hotline.invalidPhone') : /^not an account/.test(w.message) ? t('hotline.invalidHandle') : w.message;
    return value === undefined ? message : `«${value}»: ${message}`;
  };
  return (
    <div className="alert alert--warn" role="status" data-testid="save-warnings">
      <p className="alert-title">{t('hotline.warningsTitle', { count: warnings.length })}</p>
      <ul>
        {warnings.map((w) => (
          <li key={`${w.path}:${w.message}`}>{describe(w)}</li>
        ))}
      </ul>
    </div>
  );
}
