import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql, type SqlBool } from 'kysely';
import { decryptField, decryptOptional } from '../crypto/fields.ts';
import { intake } from '../test/factories.ts';
import { startTestApp, type Client, type TestApp } from '../test/harness.ts';
import { matchTokens } from '../victims/names.ts';
import { blockedPairs, candidatePairs, scorePair, type CandidateStats } from './candidates.ts';

let t: TestApp;
let police: Client;
before(async () => {
  t = await startTestApp();
  police = await t.as('police_investigator');
});
after(() => t.close());

const everyone = sql<SqlBool>`true`;

/** The listing as it was before the pair index: every record decrypted and blocked in memory. */
async function decryptingEveryone(minScore: number) {
  const key = t.ctx.fieldKey;
  const rows = await t.db.kysely.selectFrom('persons').selectAll().where('merged_into', 'is', null).where('anonymised_at', 'is', null).orderBy('id').execute();
  const people = rows.map((r) => ({ id: r.id, caseCode: r.case_code, ownerAgencyId: r.owner_agency_id, openedOn: r.contact_date, given: decryptField(key, r.given_name_enc), family: decryptOptional(key, r.family_name_enc), birthDate: decryptOptional(key, r.birth_date_enc), birthYear: r.birth_year, sex: r.gender, citizenship: r.citizenship }));
  const blocks = new Map<string, number[]>();
  people.forEach((p, i) => {
    for (const token of matchTokens({ givenName: p.given, familyName: p.family, birthDate: p.birthDate })) blocks.set(token, [...(blocks.get(token) ?? []), i]);
  });
  const links = await t.db.kysely.selectFrom('person_links').select(['person_a', 'person_b']).execute();
  const skip = new Set(links.map((l) => `${l.person_a}|${l.person_b}`));
  const out = new Map<string, number>();
  for (const members of blocks.values()) {
    if (members.length < 2 || members.length > 200) continue;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const a = people[members[x]!]!;
        const b = people[members[y]!]!;
        const id = `${a.caseCode}|${b.caseCode}`;
        if (skip.has(`${a.id}|${b.id}`) || out.has(id)) continue;
        const { score } = scorePair(a, b);
        if (score >= minScore) out.set(id, score);
      }
    }
  }
  return [...out.entries()].sort();
}

const GIVEN = ['Bəhruz', 'Cavid', 'Fərid', 'Kamran', 'Mübariz', 'Nurlan', 'Orxan', 'Pərviz', 'Sənan', 'Tural', 'Vüqar', 'Zaur', 'Ülvi', 'İlqar', 'Elşən', 'Lalə', 'Günel', 'Nərmin', 'Şəbnəm', 'Xəyalə'];
const FAMILY = ['Abbasov', 'Bağırov', 'Əliyev', 'Hüseynov', 'İsmayılov', 'Kərimov', 'Mustafayev', 'Novruzov', 'Rəhimov', 'Səfərov'];

test('candidates are blocked in SQL on stored pair tokens: the same pairs as decrypting everyone, while only the paired persons are decrypted', async () => {
  // Unrelated people: no two share a given+family name or a name and a birth date.
  for (let i = 0; i < GIVEN.length; i++) await intake(police, { identity: { givenName: GIVEN[i], familyName: FAMILY[i % FAMILY.length], birthDate: `19${70 + i}-0${1 + (i % 9)}-1${i % 10}` } });
  // One person in two scripts; a given name and birth date shared; a given+family name shared with a year apart; a name alone.
  const dup = [
    await intake(police, { identity: { givenName: 'Aynur', familyName: 'Məmmədova', birthDate: '1994-07-12' } }),
    await intake(police, { identity: { givenName: 'Айнур', familyName: 'Мамедова', birthDate: '1994-07-12' } }),
    await intake(police, { identity: { givenName: 'Rəşad', familyName: 'Həsənov', birthDate: '1988-03-03' } }),
    await intake(police, { identity: { givenName: 'Рашад', familyName: 'Quliyev', birthDate: '1988-03-03' } }),
    await intake(police, { identity: { givenName: 'Elvin', familyName: 'Cəfərov', birthDate: '2001-01-01' } }),
    await intake(police, { identity: { givenName: 'Эльвин', familyName: 'Джафаров', birthDate: '2000-01-01' } }),
    await intake(police, { identity: { givenName: 'Aynur', familyName: 'Mammadova' } }),
  ];
  const total = Number((await sql<{ n: string }>`select count(*) as n from persons`.execute(t.db.kysely)).rows[0]!.n);

  const stats: CandidateStats = { refreshed: 0, scored: 0 };
  const listed = await candidatePairs(t.db.kysely, t.ctx.fieldKey, everyone, { minScore: 0, limit: 500 }, stats);
  assert.equal(stats.refreshed, total, 'the first listing computes the tokens of everyone recorded since start-up');
  const reference = await decryptingEveryone(0);
  assert.deepEqual(listed.items.map((p) => [`${p.a.caseCode}|${p.b.caseCode}`, p.score]).sort(), reference, 'the same pairs and scores as before');
  for (const minScore of [0.5, 0.75, 0.9]) {
    const items = (await candidatePairs(t.db.kysely, t.ctx.fieldKey, everyone, { minScore, limit: 500 })).items;
    assert.deepEqual(items.map((p) => [`${p.a.caseCode}|${p.b.caseCode}`, p.score]).sort(), await decryptingEveryone(minScore), `minScore ${minScore}`);
  }

  // The SQL returns only blocked ids: the designed pairs, nobody else.
  const code = (i: number) => dup[i]!.id;
  const expected = [[0, 1], [0, 6], [1, 6], [2, 3], [4, 5]].map(([x, y]) => [code(x!), code(y!)].sort().join('|')).sort();
  assert.deepEqual((await blockedPairs(t.db.kysely, everyone)).map((p) => `${p.a}|${p.b}`).sort(), expected);

  // A second listing decrypts only the persons in a pair; a change makes one person stale, and only that one.
  await candidatePairs(t.db.kysely, t.ctx.fieldKey, everyone, { minScore: 0.75, limit: 100 }, stats);
  assert.deepEqual(stats, { refreshed: 0, scored: dup.length });
  assert.ok(stats.scored < total / 3, `${stats.scored} of ${total} decrypted`);
  // A spelling with the same skeletons changes no token, so nothing is stale; another family name is.
  assert.equal((await police.patch(`/api/persons/${code(3)}`, { identity: { givenName: 'Rashad' } })).status, 204);
  await candidatePairs(t.db.kysely, t.ctx.fieldKey, everyone, { minScore: 0.75, limit: 100 }, stats);
  assert.equal(stats.refreshed, 0, 'Рашад and Rashad meet at the same skeleton');
  assert.equal((await police.patch(`/api/persons/${code(3)}`, { identity: { familyName: 'Əliyeva' } })).status, 204);
  await candidatePairs(t.db.kysely, t.ctx.fieldKey, everyone, { minScore: 0.75, limit: 100 }, stats);
  assert.equal(stats.refreshed, 1, 'only the changed person is decrypted again');
  assert.deepEqual((await blockedPairs(t.db.kysely, everyone)).map((p) => `${p.a}|${p.b}`).sort(), expected, 'still met by given name and birth date');

  // A linked pair leaves the SQL's answer.
  assert.equal((await (await t.as('coordinator')).post('/api/duplicates/links', { personA: code(4), personB: code(5), kind: 'different_people' })).status, 201);
  assert.ok(!(await blockedPairs(t.db.kysely, everyone)).some((p) => [p.a, p.b].includes(code(4))));
});
