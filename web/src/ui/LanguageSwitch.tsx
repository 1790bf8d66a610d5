import { useTranslation } from 'react-i18next';
import type { Language } from '../../../src/profile/schema.ts';
import { changeLanguage, currentLanguage, isLanguage, languages } from '../i18n/index.ts';

/** The interface language: a labelled select; each option is named in its own language. */
export function LanguageSwitch({ onChanged }: { onChanged?: (lang: Language) => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  return (
    <div className="language-switch">
      <label htmlFor="language-select">{t('app.language')}</label>
      <select
        id="language-select"
        value={lang}
        onChange={(e) => {
          const next = e.target.value;
          if (!isLanguage(next)) return;
          void changeLanguage(next).then(() => onChanged?.(next));
        }}
      >
        {languages.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(`languages.${l}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
