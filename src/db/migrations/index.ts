import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.ts';
import * as m0002 from './0002_victims.ts';
import * as m0003 from './0003_hotline.ts';
import * as m0004 from './0004_prosecution.ts';
import * as m0005 from './0005_submissions.ts';
import * as m0006 from './0006_screening.ts';
import * as m0007 from './0007_report.ts';
import * as m0008 from './0008_interchange.ts';
import * as m0009 from './0009_report_definitions.ts';
import * as m0010 from './0010_indicator_catalogues.ts';
import * as m0015 from './0015_corrections.ts';
import * as m0016 from './0016_audit_keyed_chain.ts';
import * as m0022 from './0022_account_duties.ts';
import * as m0031 from './0031_rate_limits.ts';
import * as m0032 from './0032_casework.ts';
import * as m0033 from './0033_consent_overrides.ts';
import * as m0070 from './0070_retention.ts';
import * as m0071 from './0071_duplicates.ts';
import * as m0080 from './0080_measure_text_ru.ts';
import * as m0081 from './0081_partial_dates.ts';
import * as m0084 from './0084_person_pair_keys.ts';
import * as m0090 from './0090_partition_by_year.ts';
import * as m0091 from './0091_stored_case_status.ts';

/** Ordered by name; add new migrations at the end and never edit an applied one. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_victims': m0002,
  '0003_hotline': m0003,
  '0004_prosecution': m0004,
  '0005_submissions': m0005,
  '0006_screening': m0006,
  '0007_report': m0007,
  '0008_interchange': m0008,
  '0009_report_definitions': m0009,
  '0010_indicator_catalogues': m0010,
  '0015_corrections': m0015,
  '0016_audit_keyed_chain': m0016,
  '0022_account_duties': m0022,
  '0031_rate_limits': m0031,
  '0032_casework': m0032,
  '0033_consent_overrides': m0033,
  '0070_retention': m0070,
  '0071_duplicates': m0071,
  '0080_measure_text_ru': m0080,
  '0081_partial_dates': m0081,
  '0084_person_pair_keys': m0084,
  '0090_partition_by_year': m0090,
  '0091_stored_case_status': m0091,
};
