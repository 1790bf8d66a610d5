import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { COLUMNS as HTCDS_COLUMNS, htcdsRow } from './htcds.ts';
import { syntheticVictim as victim } from './synthetic.ts';

let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

test('a case as an HTCDS 2.0 row: picklist values, and no identity column', () => {
  for (const c of HTCDS_COLUMNS) assert.doesNotMatch(c, /Name|Birthdate|Identity|Email|Phone|Address/i);
  const row = Object.fromEntries(HTCDS_COLUMNS.map((c, i) => [c, htcdsRow(profile, victim(), { from: '2023-01-01', to: '2023-12-31' })[i]]));
  assert.equal(row.HTCDSVersion, '2.0');
  assert.equal(row.prs_Gender, 'Feminine');
  assert.equal(row.vic_TraffickingStatus, 'ActualVictimOfTrafficking');
  assert.equal(row.vic_TraffickingStatusDecisionMakingOrg, 'Police');
  assert.equal(row.vic_AgeWhenTrafficked, 16);
  assert.equal(row.vic_RelationshipToTrafficker, 'Acquainted');
  assert.equal(row.vic_RecruitmentWebsitesAndApps, 'Telegram', 'the platform as HTCDS spells it');
  assert.equal(row.vic_MethodsOfControl, 'WithholdsDocuments;DebtBondage');
  assert.equal(row.vic_TypeOfExploitation, 'ForcedLabour');
  assert.equal(row.vic_ForcedLabourIndustry, 'F_Construction');
  assert.equal(row.cas_Status, 'Active');
  const closedLater = htcdsRow(profile, victim({ closedOn: '2024-02-01', closureReason: 'reintegrated' }), { from: '2023-01-01', to: '2023-12-31' });
  assert.equal(closedLater[HTCDS_COLUMNS.indexOf('cas_Status')], 'Active', 'closed after the period: active in it');
  const begging = htcdsRow(profile, victim({ subtypes: ['begging'], means: ['restricts_movement'] }), { from: '2023-01-01', to: '2023-12-31' });
  assert.equal(begging[HTCDS_COLUMNS.indexOf('vic_TypeOfExploitation')], 'ForcedLabour;ForcedBegging');
  assert.equal(begging[HTCDS_COLUMNS.indexOf('vic_MethodsOfControl')], 'Other', 'HTCDS 2.0 has no "restricts movement"');
});
