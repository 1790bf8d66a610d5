
/** A measure's text in the interface language; the Russian interface falls back to English when a measure has no Russian text. */
export function measureText(text: { az: string; en: string; ru?: string | undefined }, lang: string): string {
  if (lang === 'az') return text.az;
  if (lang === 'ru') return text.ru ?? text.en;
  return text.en;
}
