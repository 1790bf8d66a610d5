// What leaves: hidden cells become a mark, never a number (not even zero), and never say why they
// are hidden (a "primary" flag would tell that the count is small).
import type { Profile } from '../profile/schema.ts';
import { labelsFor, type Protected } from './editions.ts';
import type { Cell } from './model.ts';
import type { PublicDictionary, PublicLang, PublicStatsConfig, PublicTable, PublicTables, PublicValue } from './schema.ts';

export const MARK = 'x';

const LEGEND: Record<PublicLang, (t: number) => string> = {
  az: (t) => `x — məxfilik üçün gizlədilib: ${t}-dən az olan say, yaxud onu hesablamağa imkan verən digər xana`,
  en: (t) => `x — hidden for confidentiality: a count below ${t}, or another cell that would let it be worked out`,
  ru: (t) => `x — скрыто в целях конфиденциальности: число меньше ${t} или другая ячейка, по которой его можно вычислить`,
};

const RULE: Record<PublicLang, (t: number, zeros: boolean) => string> = {
  az: (t, z) =>
    `Cədvəllər yalnız dərc olunmuş hesabat nəşrlərindən götürülür. 1-dən ${t - 1}-dək olan saylar gizlədilir${z ? ' (sıfırlar da)' : ''}; gizli xananı cəmlərdən, digər cədvəllərdən və ya nəşrlər arasındakı fərqdən hesablamaq mümkün olmasın deyə başqa xanalar da gizlədilir.`,
  en: (t, z) =>
    `Tables come from published editions of the annual report only. Counts from 1 to ${t - 1} are hidden${z ? ' (and zeros)' : ''}; other cells are hidden with them so that no hidden cell can be worked out from totals, other tables or the difference between editions.`,
  ru: (t, z) =>
    `Таблицы берутся только из опубликованных изданий ежегодного доклада. Числа от 1 до ${t - 1} скрыты${z ? ' (и нули)' : ''}; вместе с ними скрыты другие ячейки, чтобы скрытое число нельзя было вычислить по итогам, другим таблицам или разнице между изданиями.`,
};

const valueOf = (c: Cell): PublicValue => (c.suppressed ? { suppressed: true } : { value: c.value });

export function publicTables(p: Protected, config: PublicStatsConfig, profile: Profile, lang: PublicLang): PublicTables {
  const labels = labelsFor(p.row, config, profile, lang);
  return {
    year: p.row.year,
    edition: p.row.edition,
    publishedAt: p.row.publishedAt.toISOString().slice(0, 10),
    lang,
    threshold: config.threshold,
    mark: MARK,
    legend: LEGEND[lang](config.threshold),
    tables: p.tables.tables.map((t): PublicTable => {
      const l = labels(t.id);
      return {
        id: t.id,
        title: l.title,
        parts: t.parts,
        chart: l.spec?.chart ?? true,
        total: valueOf(t.total),
        cells: t.cells.map((c) => ({ key: c.key, label: l.part(c.key), ...valueOf(c) })),
      };
    }),
  };
}

const csvField = (s: string) => (/[",\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${s.replace(/"/g, '""').replace(/^([=+\-@\t])/, "'$1")}"` : s);
const shown = (v: PublicValue) => ('value' in v ? String(v.value) : MARK);

const TOTAL_WORD: Record<PublicLang, string> = { az: 'Cəmi', en: 'Total', ru: 'Всего' };
const HEAD: Record<PublicLang, [string, string, string]> = { az: ['açar', 'bölgü', 'say'], en: ['key', 'part', 'count'], ru: ['ключ', 'часть', 'число'] };

/** One table as CSV (RFC 4180): a row per part, then the total; a hidden value is the mark (the dictionary explains it). */
export function tableCsv(t: PublicTable, lang: PublicLang): string {
  const rows = [HEAD[lang], ...t.cells.map((c) => [c.key, c.label, shown(c)]), ['total', TOTAL_WORD[lang], shown(t.total)]];
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function dictionary(p: Protected | undefined, config: PublicStatsConfig, profile: Profile, lang: PublicLang): PublicDictionary {
  const labels = p ? labelsFor(p.row, config, profile, lang) : null;
  return {
    lang,
    threshold: config.threshold,
    zerosSensitive: config.zerosSensitive,
    mark: MARK,
    rule: RULE[lang](config.threshold, config.zerosSensitive),
    tables: (p?.tables.tables ?? []).map((t) => {
      const l = labels?.(t.id);
      return { id: t.id, title: l?.title ?? t.id, countedAs: l?.countedAs ?? '', parts: t.parts, cumulativeOf: t.cumulativeOf ?? null, cells: t.cells.map((c) => ({ key: c.key, label: l?.part(c.key) ?? c.key })) };
    }),
  };
}
