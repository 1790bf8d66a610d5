// Concepts carried by numbers, read from the original text: foreign-currency pay far above local
// wages, working days of 13 hours or more, and ages (a range of young adults, or a child).

export const NUMERIC_SLOTS = ['#big_pay', '#long_hours', '#young_age', '#child_age'] as const;

const CURRENCY = String.raw`(?:\$|€|usd|eur\b|euro|avro|евро|dollar|dolar|долл)`;
const AMOUNT = String.raw`\d{1,3}(?:[ ,.]\d{3})+|\d+`;
const PAY_BEFORE = new RegExp(String.raw`(?:${CURRENCY})\s?(${AMOUNT})`, 'giu');
const PAY_AFTER = new RegExp(String.raw`(${AMOUNT})\s?(?:\+\s?)?${CURRENCY}`, 'giu');
const HAS_CURRENCY = new RegExp(CURRENCY, 'iu');
const PER_DAY = /^.{0,14}?(?:в день|за вечер|за ночь|в сутки|gündə|gunde|günlük|gunluk|a day|per day|\/day|per night|per evening|a night|akşamı|gecelik|daily)/iu;
const HOURS = /(?<!\d)(1[3-9]|2[0-4])\s?(?:-|–)?\s?(?:saat|час|hour|hrs?\b|h\b|ч\b)/giu;
const AGE_RANGE = /(?<![\d+])(\d{1,2})\s?[-–]\s?(\d{1,2})(?!\d)(?!\s?(?:\$|€|azn|manat|man\b|saat|час|hour|ч\b|h\b|%|:))/giu;
const AGE_ONE = /(?<![\d+])(\d{1,2})\s?-?\s?(?:yaş|jaş|лет|года|год\b|years?\b|year-old|let\b|letn|летн|јаш)/giu;

export interface NumericMatch {
  slot: (typeof NUMERIC_SLOTS)[number];
  start: number;
  end: number;
}

const num = (s: string) => Number(s.replace(/[ ,.]/g, ''));

const MAY_HOURS = 1;
const MAY_RANGE = 2;
const MAY_AGE = 4;
const HAS_DIGIT = 8;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isDash = (c: number) => c === 45 || c === 0x2013;
/** First letters of AGE_ONE's units in either case (no other character folds to them under /iu). */
const UNIT_FIRST = new Set([...'yYjJlLлЛгГјЈ'].map((c) => c.charCodeAt(0)));

/**
 * Which of the number expressions can match at all, by one scan of character codes: HOURS needs
 * 13–24 (a "1" or "2" and a digit), AGE_RANGE a digit with a dash one or two characters after it,
 * AGE_ONE a digit with its unit's first letter one to four characters after it. A superset of
 * their matches; the expressions then decide. Most texts with a digit hold a phone number or a
 * price and none of these.
 */
function mayMatch(text: string): number {
  let may = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isDigit(c)) continue;
    may |= HAS_DIGIT;
    const n1 = text.charCodeAt(i + 1);
    if ((c === 49 || c === 50) && isDigit(n1)) may |= MAY_HOURS;
    if (isDash(n1) || isDash(text.charCodeAt(i + 2))) may |= MAY_RANGE;
    for (let k = 1; k <= 4; k++) if (UNIT_FIRST.has(text.charCodeAt(i + k))) may |= MAY_AGE;
  }
  return may;
}

export function numericMatches(text: string): NumericMatch[] {
  const may = mayMatch(text);
  if (!may) return [];
  const out: NumericMatch[] = [];
  // Both pay expressions need a currency (same flags): most texts with a digit have none.
  if (HAS_CURRENCY.test(text)) for (const re of [PAY_BEFORE, PAY_AFTER]) {
    for (const m of text.matchAll(re)) {
      const v = num(m[1]!);
      const end = m.index + m[0].length;
      if (v >= 1000 || (v >= 100 && PER_DAY.test(text.slice(end)))) out.push({ slot: '#big_pay', start: m.index, end });
    }
  }
  if (may & MAY_HOURS) for (const m of text.matchAll(HOURS)) out.push({ slot: '#long_hours', start: m.index, end: m.index + m[0].length });
  if (may & MAY_RANGE) for (const m of text.matchAll(AGE_RANGE)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a >= 14 && a <= 25 && b > a && b <= 35) out.push({ slot: '#young_age', start: m.index, end: m.index + m[0].length });
    else if (a >= 3 && b > a && b < 18) out.push({ slot: '#child_age', start: m.index, end: m.index + m[0].length });
  }
  if (may & MAY_AGE) for (const m of text.matchAll(AGE_ONE)) {
    const a = Number(m[1]);
    if (a >= 3 && a < 18) out.push({ slot: '#child_age', start: m.index, end: m.index + m[0].length });
    else if (a >= 18 && a <= 30) out.push({ slot: '#young_age', start: m.index, end: m.index + m[0].length });
  }
  return out;
}
