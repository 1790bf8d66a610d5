// Concepts carried by numbers, read from the original text: foreign-currency pay far above local
// wages, working days of 13 hours or more, and ages (a range of young adults, or a child).

export const NUMERIC_SLOTS = ['#big_pay', '#long_hours', '#young_age', '#child_age'] as const;

const CURRENCY = String.raw`(?:\$|€|usd|eur\b|euro|avro|евро|dollar|dolar|долл)`;
const AMOUNT = String.raw`\d{1,3}(?:[ ,.]\d{3})+|\d+`;
export const PAY_BEFORE = new RegExp(String.raw`(?:${CURRENCY})\s?(${AMOUNT})`, 'giu');
export const PAY_AFTER = new RegExp(String.raw`(${AMOUNT})\s?(?:\+\s?)?${CURRENCY}`, 'giu');
const HAS_CURRENCY = new RegExp(CURRENCY, 'iu');
const PER_DAY = /^.{0,14}?(?:в день|за вечер|за ночь|в сутки|gündə|gunde|günlük|gunluk|a day|per day|\/day|per night|per evening|a night|akşamı|gecelik|daily)/iu;
export const HOURS = /(?<!\d)(1[3-9]|2[0-4])\s?(?:-|–)?\s?(?:saat|час|hour|hrs?\b|h\b|ч\b)/giu;
export const AGE_RANGE = /(?<![\d+])(\d{1,2})\s?[-–]\s?(\d{1,2})(?!\d)(?!\s?(?:\$|€|azn|manat|man\b|saat|час|hour|ч\b|h\b|%|:))/giu;
export const AGE_ONE = /(?<![\d+])(\d{1,2})\s?-?\s?(?:yaş|jaş|лет|года|год\b|years?\b|year-old|let\b|letn|летн|јаш)/giu;

export interface NumericMatch {
  slot: (typeof NUMERIC_SLOTS)[number];
  start: number;
  end: number;
}

const num = (s: string) => Number(s.replace(/[ ,.]/g, ''));

export const MAY_HOURS = 1;
export const MAY_RANGE = 2;
export const MAY_AGE = 4;
const HAS_DIGIT = 8;
export const MAY_PAY = 16;
// What a character can be in the expressions below, as bits of one table by code unit.
const DIGIT = 1;
const DASH = 2;
/** First letters of AGE_ONE's units in either case (no other character folds to them under /iu). */
const AGE_UNIT = 4;
/** First letters of HOURS' units in either case, and the long s that folds to s under /iu. */
const HOUR_UNIT = 8;
/** First and last characters of CURRENCY's alternatives in either case. */
const CURRENCY_FIRST = 16;
const CURRENCY_LAST = 32;
const CHAR = new Uint8Array(65536);
const mark = (chars: string, bit: number) => {
  for (const c of chars) CHAR[c.charCodeAt(0)] = CHAR[c.charCodeAt(0)]! | bit;
};
mark('0123456789', DIGIT);
mark('-\u2013', DASH);
mark('yYjJlLлЛгГјЈ', AGE_UNIT);
mark('sSſhHчЧ', HOUR_UNIT);
mark('$€uUeEaAеЕdDдД', CURRENCY_FIRST);
mark('$€dDrRoOоОлЛ', CURRENCY_LAST);
const charAt = (text: string, i: number) => (i >= 0 && i < text.length ? CHAR[text.charCodeAt(i)]! : 0);

/**
 * Which of the number expressions can match at all, by one scan of character codes: HOURS needs
 * 13–24 with its unit's first letter right after the two digits or up to three characters later, AGE_RANGE a digit with a
 * dash one or two characters after it, AGE_ONE a digit with its unit's first letter one to four
 * characters after it; the pay expressions a digit with a currency ending one or two characters
 * before it or beginning one to four after it. A superset of their matches; the expressions then
 * decide. Most texts with a digit hold a phone number or a price and none of these.
 */
export function mayMatch(text: string): number {
  let may = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 57 || c < 48) continue;
    may |= HAS_DIGIT;
    const n1 = charAt(text, i + 1);
    const n2 = charAt(text, i + 2);
    const n3 = charAt(text, i + 3);
    const n4 = charAt(text, i + 4);
    if ((n1 | n2) & DASH) may |= MAY_RANGE;
    if ((n1 | n2 | n3 | n4) & AGE_UNIT) may |= MAY_AGE;
    if ((c === 49 || c === 50) && n1 & DIGIT && (n2 | n3 | n4 | charAt(text, i + 5)) & HOUR_UNIT) may |= MAY_HOURS;
    if ((charAt(text, i - 1) | charAt(text, i - 2)) & CURRENCY_LAST || (n1 | n2 | n3 | n4) & CURRENCY_FIRST) may |= MAY_PAY;
  }
  return may;
}

export function numericMatches(text: string): NumericMatch[] {
  const may = mayMatch(text);
  if (!may) return [];
  const out: NumericMatch[] = [];
  // Both pay expressions need a currency (same flags): most texts with a digit have none.
  if (may & MAY_PAY && HAS_CURRENCY.test(text)) for (const re of [PAY_BEFORE, PAY_AFTER]) {
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
