import type { Config } from '../config.ts';
import { catalogueInForce, saveCatalogue } from '../indicators/store.ts';
import { exportYearly, importYearly, yearOf } from './yearly-file.ts';

/** `azad catalogue export --year Y [--out FILE]`. */
export const exportCatalogueCommand = (config: Config, opts: { year: string; out?: string }) =>
  exportYearly(config, { year: yearOf(opts.year, 1990), out: opts.out }, 'catalogue', catalogueInForce, (c) => c.catalogue);

/** `azad catalogue import FILE --year Y`: all or nothing, every problem on its own line. */
export async function importCatalogueCommand(config: Config, file: string, opts: { year: string }) {
  const year = yearOf(opts.year, 1990);
  await importYearly(
    config,
    file,
    (trx, profile, raw, audit) => saveCatalogue(trx, profile, year, raw, { userId: null }, audit),
    (c) => `Stored the ${year} indicator catalogue: ${c.indicators.length} indicators (${c.indicators.filter((i) => i.retired).length} retired), ${c.rules.length} rules.`,
  );
}
