import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { version } from '../boot.ts';
import { AppError } from '../errors.ts';

const program = new Command('azad').description('Azad — national anti-trafficking information system').version(version);

program
  .command('serve')
  .description('start the HTTP server (runs migrations first)')
  .option('--demo', 'on first run, also load the synthetic demo data set', false)
  .option('--workers <n>', 'app processes sharing the port (a number, or auto for one per core); PostgreSQL only', '1')
  .action(async (opts: { demo: boolean; workers: string }) => {
    const { serve } = await import('./serve.ts');
    await serve(loadConfig(), opts);
  });

const db = program.command('db').description('database maintenance');
db.command('migrate')
  .description('apply pending migrations')
  .action(async () => {
    const { migrateCommand } = await import('./db.ts');
    await migrateCommand(loadConfig());
  });
db.command('maintain')
  .description("create the audit trail's and hotline contacts' year partitions ahead, and move rows that wait in a DEFAULT partition into their year's (idempotent)")
  .option('--years-ahead <n>', 'years after the current one to create', '2')
  .action(async (opts: { yearsAhead: string }) => {
    const { maintainCommand } = await import('./db.ts');
    await maintainCommand(loadConfig(), opts);
  });

const user = program.command('user').description('user accounts');
user
  .command('create')
  .description('create a user (password from --password or AZAD_NEW_USER_PASSWORD, else generated and printed)')
  .requiredOption('--username <name>')
  .requiredOption('--name <display name>')
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--role <role...>', 'one or more roles')
  .option('--email <email>')
  .option('--password <password>')
  .action(async (opts) => {
    const { createUserCommand } = await import('./user.ts');
    await createUserCommand(loadConfig(), opts);
  });
user
  .command('code')
  .description('issue a one-time code for an account (reset: choose a new password; enrolment: first second factor) and print it once')
  .requiredOption('--username <name>')
  .option('--purpose <purpose>', 'reset or enrolment', 'reset')
  .action(async (opts: { username: string; purpose: string }) => {
    const { issueCodeCommand } = await import('./user.ts');
    await issueCodeCommand(loadConfig(), opts);
  });

const audit = program.command('audit').description('the tamper-evident audit trail');
audit
  .command('verify')
  .description('check the keyed hash chain; exits 1 and names the first broken link')
  .option('--anchor <file>', 'also prove that nothing at or before this anchor (from `azad audit anchor`) changed or went missing')
  .action(async (opts: { anchor?: string }) => {
    const { verifyCommand } = await import('./audit.ts');
    process.exitCode = await verifyCommand(loadConfig(), opts);
  });
audit
  .command('anchor')
  .description('print a signed statement of the chain\'s head (sequence, hash, time) to keep outside the database')
  .option('--out <file>', 'write it to a new file instead of standard output')
  .action(async (opts: { out?: string }) => {
    const { anchorCommand } = await import('./audit.ts');
    await anchorCommand(loadConfig(), opts);
  });

const keys = program.command('keys').description('the field-encryption key');
keys
  .command('rotate')
  .description('re-encrypt every encrypted field under a new key (all or nothing; safe to re-run)')
  .option('--new-key <base64>', 'the new key (required when AZAD_KEY is used; optional with a key file)')
  .action(async (opts: { newKey?: string }) => {
    const { rotateCommand } = await import('./keys.ts');
    await rotateCommand(loadConfig(), opts);
  });

program
  .command('backup <file>')
  .description('write a complete logical backup, encrypted, mode 600 (works on PGlite and PostgreSQL; sign-in sessions are left out)')
  .option('--passphrase-file <file>', 'encrypt with the passphrase in this file (or AZAD_BACKUP_PASSPHRASE) instead of the installation key')
  .action(async (file: string, opts: { passphraseFile?: string }) => {
    const { backupCommand } = await import('./backup.ts');
    await backupCommand(loadConfig(), file, opts);
  });

program
  .command('restore <file>')
  .description('restore a backup into an empty database; refuses one whose audit trail is broken')
  .option('--passphrase-file <file>', 'the passphrase the backup was written with (or AZAD_BACKUP_PASSPHRASE)')
  .option('--force', 'restore even though the audit trail is broken (needs --reason)', false)
  .option('--reason <text>', 'why a broken trail is restored; recorded in the audit trail')
  .action(async (file: string, opts: { passphraseFile?: string; force: boolean; reason?: string }) => {
    const { restoreCommand } = await import('./backup.ts');
    await restoreCommand(loadConfig(), file, opts);
  });

program
  .command('report')
  .description("write the annual report's files for a year (figures with their changes against the year before)")
  .requiredOption('--year <year>', 'the reporting year')
  .option('--lang <list>', "languages, comma-separated (default: every language of the year's definition)")
  .option('--format <list>', 'formats, comma-separated: docx, pdf, html, json', 'json')
  .requiredOption('--out <dir>', 'folder to write into')
  .action(async (opts: { year: string; lang: string; format: string; out: string }) => {
    const { reportCommand } = await import('./report.ts');
    await reportCommand(loadConfig(), opts);
  });

const returns = program.command('returns').description('international returns: UNODC GLOTIP, US TIP, CTDC/HTCDS, GRETA, Eurostat (docs/returns/)');
returns
  .command('list')
  .description('list the returns Azad can make')
  .action(async () => {
    const { listReturnsCommand } = await import('./returns.ts');
    listReturnsCommand();
  });
returns
  .command('make <name>')
  .description("write a return for a period in its receiver's layout, with its checks against the annual report (exit 1 when one fails)")
  .option('--period <year>', 'a calendar year')
  .option('--from <date>', 'first day, YYYY-MM-DD (with --to; e.g. the TIP year 2023-04-01 … 2024-03-31)')
  .option('--to <date>', 'last day, YYYY-MM-DD')
  .option('--out <file>', 'file to write (default: azad-NAME-CC-PERIOD.xlsx|csv in the current folder)')
  .action(async (name: string, opts: { period?: string; from?: string; to?: string; out?: string }) => {
    const { makeReturnCommand } = await import('./returns.ts');
    process.exitCode = await makeReturnCommand(loadConfig(), name, opts);
  });

const definition = program.command('report-definition').description("the annual report's definition: figures, sentences, tables and charts (docs/report-definition.md)");
definition
  .command('export')
  .description("print (or write) the definition a year's report is built from: its own, else the latest earlier year's, else the profile's")
  .requiredOption('--year <year>', 'the reporting year')
  .option('--out <file>', 'write to this file instead of standard output')
  .action(async (opts: { year: string; out?: string }) => {
    const { exportDefinitionCommand } = await import('./report-definition.ts');
    await exportDefinitionCommand(loadConfig(), opts);
  });
definition
  .command('import <file>')
  .description("store a year's definition from a file (checked whole; every problem is named by its path)")
  .requiredOption('--year <year>', 'the reporting year')
  .action(async (file: string, opts: { year: string }) => {
    const { importDefinitionCommand } = await import('./report-definition.ts');
    await importDefinitionCommand(loadConfig(), file, opts);
  });

const fixtures = program.command('fixtures').description('synthetic data sets that reproduce published reports');
fixtures
  .command('load <name>')
  .description('load a fixture (az-2023) into a fresh database, in one transaction')
  .action(async (name: string) => {
    const { loadFixtureCommand } = await import('./fixtures.ts');
    await loadFixtureCommand(loadConfig(), name);
  });

const submissions = program.command('submissions').description('agency submissions of aggregate figures');
submissions
  .command('template')
  .description("write the agency's form for a period as a spreadsheet to fill (CSV to standard output, or --out FILE)")
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--period <period>', 'a year (2023) or a quarter (2023-Q2)')
  .option('--format <format>', 'csv (default) or xlsx (needs --out)')
  .option('--lang <lang>', "labels in az, en or ru (default: the profile's language)")
  .option('--out <file>', 'write to this file instead of standard output')
  .action(async (opts: { agency: string; period: string; format?: string; lang?: string; out?: string }) => {
    const { templateCommand } = await import('./submissions.ts');
    await templateCommand(loadConfig(), opts);
  });
submissions
  .command('import <file>')
  .description('import a filled .xlsx or .csv template into the agency\'s form (refused whole on any error)')
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--period <period>', 'a year (2023) or a quarter (2023-Q2)')
  .action(async (file: string, opts: { agency: string; period: string }) => {
    const { importCommand } = await import('./submissions.ts');
    await importCommand(loadConfig(), file, opts);
  });
submissions
  .command('submit')
  .description("send an agency's draft or returned submission for review (every figure answered, every rule met)")
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--period <period>', 'a year (2023) or a quarter (2023-Q2)')
  .action(async (opts: { agency: string; period: string }) => {
    const { reviewCommand } = await import('./submissions.ts');
    await reviewCommand(loadConfig(), 'submit', opts);
  });
submissions
  .command('approve')
  .description("approve a submitted submission: the agency's period is locked")
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--period <period>', 'a year (2023) or a quarter (2023-Q2)')
  .option('--comment <text>', 'a comment kept in the submission\'s history')
  .action(async (opts: { agency: string; period: string; comment?: string }) => {
    const { reviewCommand } = await import('./submissions.ts');
    await reviewCommand(loadConfig(), 'approve', opts);
  });
submissions
  .command('reopen')
  .description('reopen an approved submission (unlocks the period; audited with the reason)')
  .requiredOption('--agency <code>', 'agency code from the country profile')
  .requiredOption('--period <period>', 'a year (2023) or a quarter (2023-Q2)')
  .requiredOption('--reason <text>', 'why it is reopened (5 to 2,000 characters), kept in its history and the audit trail')
  .action(async (opts: { agency: string; period: string; reason: string }) => {
    const { reviewCommand } = await import('./submissions.ts');
    await reviewCommand(loadConfig(), 'reopen', opts);
  });

const catalogue = program.command('catalogue').description("the agencies' indicator catalogue, per year (docs/indicator-catalogue.md)");
catalogue
  .command('export')
  .description("print (or write) the catalogue a year follows: its own, else the latest earlier year's, else the profile's")
  .requiredOption('--year <year>', 'the year')
  .option('--out <file>', 'write to this file instead of standard output')
  .action(async (opts: { year: string; out?: string }) => {
    const { exportCatalogueCommand } = await import('./catalogue.ts');
    await exportCatalogueCommand(loadConfig(), opts);
  });
catalogue
  .command('import <file>')
  .description("store a year's catalogue from a file (checked whole; every problem is named by its path)")
  .requiredOption('--year <year>', 'the year')
  .action(async (file: string, opts: { year: string }) => {
    const { importCatalogueCommand } = await import('./catalogue.ts');
    await importCatalogueCommand(loadConfig(), file, opts);
  });

program
  .command('import <file>')
  .description('import a bulk interchange file (JSON Lines, docs/interchange/): all or nothing, errors by line number')
  .option('--partial', 'keep the valid lines and write the rejected ones, with reasons, to --rejects', false)
  .option('--rejects <file>', 'where --partial writes rejected lines (default FILE.rejected.jsonl)')
  .action(async (file: string, opts: { partial: boolean; rejects?: string }) => {
    const { importCommand } = await import('./interchange.ts');
    process.exitCode = await importCommand(loadConfig(), file, opts);
  });

program
  .command('export')
  .description('export records in the bulk interchange format (identity in the clear: keep the file safe)')
  .option('--out <file>', 'write to FILE (mode 600) instead of standard output')
  .option('--types <types>', 'only these record types, comma-separated')
  .action(async (opts: { out?: string; types?: string }) => {
    const { exportCommand } = await import('./interchange.ts');
    await exportCommand(loadConfig(), opts);
  });

program
  .command('generate')
  .description('generate synthetic interchange records at a scale of the national volume')
  .option('--scale <n>', '1 = about 90 identified victims, 10,000 hotline contacts and 200 crimes a year; up to 1000', '1')
  .option('--years <range>', 'a year or a range', `2005-${new Date().getUTCFullYear()}`)
  .option('--seed <n>', 'the same seed gives the same records', '1')
  .option('--as-of <date>', 'nothing dated after this day (default today)')
  .option('--out <file>', 'write to FILE instead of standard output')
  .option('--into-db', 'import straight into the configured database', false)
  .action(async (opts) => {
    const { generateCommand } = await import('./interchange.ts');
    process.exitCode = await generateCommand(loadConfig(), opts);
  });

const retention = program.command('retention').description('anonymise records past their retention period in the country profile (docs/retention.md)');
retention
  .command('run')
  .description('anonymise every record due (held persons excepted) and print the counts per kind')
  .option('--dry-run', 'print what is due and change nothing', false)
  .option('--as-of <date>', 'measure the periods against this day instead of today')
  .action(async (opts: { dryRun: boolean; asOf?: string }) => {
    const { retentionRunCommand } = await import('./retention.ts');
    await retentionRunCommand(loadConfig(), opts);
  });

program
  .command('screen [file]')
  .description('screen JSON Lines ({"id","text","lang"?,"channel"?}) from FILE or stdin for trafficking indicators; one JSON line out per line in')
  .action(async (file: string | undefined) => {
    const { screenCommand } = await import('./screen.ts');
    process.exitCode = await screenCommand(file);
  });

program.parseAsync().catch((err: unknown) => {
  const fields = err instanceof AppError && err.fields.length ? ` (${err.fields.map((f) => `${f.path}: ${f.message}`).join('; ')})` : '';
  process.stderr.write(`azad: ${err instanceof Error ? err.message : String(err)}${fields}\n`);
  process.exit(1);
});
