import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { loadProfile, profileDir } from '../profile/load.ts';
import type { Profile } from '../profile/schema.ts';
import { ageBroad, COLUMNS, ctdcRow } from './ctdc.ts';
import { syntheticVictim as victim } from './synthetic.ts';

let profile: Profile;
before(async () => {
  profile = await loadProfile(profileDir('az'));
});

test("CTDC's age bands, with -99 where the age is unknown", () => {
  assert.deepEqual([0, 8, 9, 17, 18, 20, 23, 26, 29, 38, 47, 48, 90, null].map(ageBroad), ['0--8', '0--8', '9--17', '9--17', '18--20', '18--20', '21--23', '24--26', '27--29', '30--38', '39--47', '48+', '48+', '-99']);
});

test('a victim as a CTDC row: ages at registration and at exploitation, flags, concatenations, -99 for what is not known', () => {
  const r = ctdcRow(profile, victim());
  assert.deepEqual(Object.keys(r).sort(), [...COLUMNS].sort(), 'every CTDC column, nothing else');
  assert.equal(r.yearOfRegistration, 2023);
  assert.equal(r.ageBroad, '21--23');
  assert.equal(r.majorityStatus, 'Adult');
  assert.equal(r.majorityStatusAtExploit, 'Minor', 'exploited at 16');
  assert.equal(r.meansOfControlDebtBondage, 1);
  assert.equal(r.meansOfControlThreats, 0);
  assert.equal(r.meansOfControlNotSpecified, 0);
  assert.equal(r.meansOfControlConcatenated, 'Debt bondage;Withholds/Destroys Important Documents');
  assert.deepEqual([r.isForcedLabour, r.isSexualExploit, r.isSexAndLabour, r.typeOfExploitConcatenated], [1, 0, 0, 'Forced labour']);
  assert.deepEqual([r.typeOfLabourConstruction, r.typeOfLabourBegging, r.typeOfLabourNotSpecified, r.typeOfLabourConcatenated], [1, 0, 0, 'Construction']);
  assert.equal(r.typeOfSexProstitution, '-99', 'not sexual exploitation: not applicable, not "no"');
  assert.deepEqual([r.isAbduction, r.RecruiterRelationship, r.recruiterRelationFriend, r.recruiterRelationFamily], [0, 'Friend/Acquaintance', 1, 0]);

  const bare = ctdcRow(profile, victim({ forms: [], subtypes: [], means: [], birthYear: null, isMinor: true, recruiterRelation: null, recruitmentMethod: null, exploitationCountry: null }));
  assert.deepEqual([bare.ageBroad, bare.majorityStatus, bare.majorityStatusAtExploit], ['-99', 'Minor', '-99'], 'the minor flag where the birth year is unknown');
  assert.deepEqual([bare.isForcedLabour, bare.typeOfExploitConcatenated, bare.meansOfControlDebtBondage, bare.meansOfControlNotSpecified], ['-99', '-99', '-99', 1]);
  assert.deepEqual([bare.CountryOfExploitation, bare.isAbduction, bare.RecruiterRelationship], ['-99', '-99', '-99']);
});
