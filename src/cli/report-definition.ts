import type { Config } from '../config.ts';
import { definitionFor, saveDefinition } from '../report/definition/store.ts';
import { exportYearly, importYearly, yearOf } from './yearly-file.ts';

/** `azad report-definition export --year Y [--out FILE]`. */
export const exportDefinitionCommand = (config: Config, opts: { year: string; out?: string }) =>
  exportYearly(config, { year: yearOf(opts.year, 2005), out: opts.out }, 'definition', definitionFor, (d) => d.definition);

/** `azad report-definition import FILE --year Y`: all or nothing, every problem on its own line. */
export async function importDefinitionCommand(config: Config, file: string, opts: { year: string }) {
  const year = yearOf(opts.year, 2005);
  await importYearly(
    config,
    file,
    (trx, profile, raw, audit) => saveDefinition(trx, profile, year, raw, { userId: null }, audit),
    (def) => `Stored the ${year} report definition: ${def.figures.length} figures, ${def.sections.length} sections.`,
  );
}
