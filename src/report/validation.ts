// The validation panel: every problem that would make a published figure wrong or unexplained.
import { z } from 'zod';
import { narrativeIds, placeholders, referencedFigures } from './definition/check.ts';
import { noDataReason } from './definition/value-kind.ts';
import { partialUnknown } from './partial-unknown.ts';
import { partsNotListed } from './parts-not-listed.ts';
import type { ReportDefinition } from './definition/schema.ts';
import { ProblemCode, ProblemParams } from './problems.ts';
import type { ReportFigure } from './report.ts';

export const Problem = z.object({
  severity: z.enum(['error', 'warning']),
  code: ProblemCode,
  figure: z.string().nullable(),
  /** The values the message is made of, for the web app to say it in the user's language. */
  params: ProblemParams,
  /** In English, for the CLI and the logs. */
  message: z.string(),
});
export type Problem = z.infer<typeof Problem>;

export interface ValidationInput {
  year: number;
  def: ReportDefinition;
  figures: readonly ReportFigure[];
  previous: ReadonlyMap<string, number | null>;
  /** The previous year's published figures, when that year was published. */
  publishedPrevious: ReadonlyMap<string, number | null> | null;
  /** Narrative text per language. */
  narratives: Record<string, ReadonlyMap<string, string>>;
  /** Imported aggregates for Y and Y−1 ("id@year" → value), to compare with what the records give. */
  imported: ReadonlyMap<string, number>;
  /** Charts left out because their figure has nothing to show. */
  emptyCharts: string[];
}

export function validateReport(input: ValidationInput): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map(input.figures.map((f) => [f.id, f]));
  const add = (severity: Problem['severity'], code: ProblemCode, figure: string | null, params: ProblemParams, message: string) => problems.push({ severity, code, figure, params, message });
  const year = input.year;
  const submitted = new Set(input.def.figures.filter((f) => f.from === 'submitted').map((f) => f.id));

  for (const id of referencedFigures(input.def)) {
    const f = byId.get(id);
    if (f && f.value !== null) continue;
    if (f?.categories) continue;
    const d = input.def.figures.find((x) => x.id === id);
    const reason = d ? noDataReason(d, (x) => byId.get(x)?.value) : null;
    if (reason === 'share' && d?.formula && 'percent' in d.formula) {
      const of = d.formula.of;
      add('warning', 'share_no_base', id, { figure: id, of, year }, `${id}: ${of} is 0 in ${input.year}, so there is no share of it; it prints as "no data"`);
      continue;
    }
    if (reason === 'median') {
      add('warning', 'median_no_data', id, { figure: id, year }, `${id}: nothing was paid in ${input.year}, so there is no median; it prints as "no data"`);
      continue;
    }
    if (submitted.has(id)) add('error', 'not_submitted', id, { figure: id, year }, `${id}: no approved submission for ${input.year} reports it (see the completeness view); it would print as "—"`);
    else add('error', 'no_data', id, { figure: id, year }, `${id} has no value for ${input.year}; it would print as "—"`);
  }

  for (const f of input.figures) {
    if (f.value !== null && f.value < 0) add('error', 'negative', f.id, { figure: f.id, value: f.value }, `${f.id} is negative (${f.value})`);
    const parts = Object.values(f.breakdown ?? {});
    if (f.parts === 'partition') {
      const sum = parts.reduce((s, n) => s + n, 0) + (f.unknown ?? 0);
      if (f.value !== null && Math.abs(sum - f.value) > 0.001) add('error', 'breakdown_sum', f.id, { figure: f.id, sum, value: f.value }, `${f.id}: the parts sum to ${sum}, not ${f.value}`);
      if (f.unknown) add('warning', 'unknown_part', f.id, { figure: f.id, unknown: f.unknown, value: f.value ?? '—' }, `${f.id}: ${f.unknown} of ${f.value} are recorded without this detail (printed as "unknown: ${f.unknown}")`);
    }
    if (f.parts === 'overlapping' && f.value !== null) {
      for (const [k, n] of Object.entries(f.breakdown ?? {})) if (n > f.value) add('error', 'part_exceeds_whole', f.id, { figure: f.id, key: k, part: n, value: f.value }, `${f.id}: the part "${k}" (${n}) is larger than the whole (${f.value})`);
    }
    const prev = input.previous.get(f.id);
    const published = input.publishedPrevious?.get(f.id);
    if (input.publishedPrevious && typeof published === 'number' && typeof prev === 'number' && published !== prev) {
      add('warning', 'previous_year_changed', f.id, { figure: f.id, year: year - 1, published, records: prev }, `${f.id}: ${input.year - 1} was published as ${published}, the records now give ${prev}; the printed change uses ${prev}`);
    }
  }

  // A sentence that names some parts of a partition must not silently drop the others, in any language.
  problems.push(...partsNotListed(input.def, byId));

  // A part named by hand ({id#key}) that is zero prints "0 surgery"; {*id} leaves zero parts out.
  for (const s of input.def.sections) {
    for (const b of s.blocks) {
      if (b.kind !== 'text') continue;
      const zero = new Set<string>();
      for (const t of Object.values(b.text)) for (const p of placeholders(t ?? '')) {
        const f = byId.get(p.id);
        if (p.key !== null && !p.list && f?.breakdown && (f.breakdown[p.key] ?? 0) === 0) zero.add(`${p.id}#${p.key}`);
      }
      for (const z of zero) add('warning', 'zero_part', z.split('#')[0] ?? z, { section: s.id, placeholder: `{${z}}`, figure: z.split('#')[0] ?? z }, `A sentence of "${s.id}" would print the part {${z}} as 0; list the parts with {*${z.split('#')[0]}}, which leaves zero parts out`);
    }
  }

  for (const [key, value] of input.imported) {
    const [id, y] = key.split('@') as [string, string];
    const records = Number(y) === input.year ? byId.get(id)?.value : input.previous.get(id);
    if (typeof records === 'number' && records !== value && records !== 0) {
      add('error', 'history_conflict', id, { figure: id, year: Number(y), imported: value, records }, `${id} for ${y}: the imported aggregate says ${value}, the records give ${records}; the cumulative series and the printed change would disagree`);
    }
  }
  for (const id of narrativeIds(input.def)) {
    for (const lang of input.def.languages) if (!input.narratives[lang]?.get(id)?.trim()) add('error', 'narrative_missing', null, { block: id, lang }, `The narrative block "${id}" has no ${lang} text yet; a published edition would leave it out`);
  }
  problems.push(...partialUnknown(input.def, input.figures));
  for (const id of input.emptyCharts) add('warning', 'chart_empty', null, { chart: id }, `The chart "${id}" has no data and is left out`);
  return problems;
}

export const hasErrors = (problems: readonly Problem[]) => problems.some((p) => p.severity === 'error');
