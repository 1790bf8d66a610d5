import assert from 'node:assert/strict';
import { test } from 'node:test';
import { latinFold, matchTokens, similarity, skeleton, turkicLower } from './names.ts';

test('Turkic casing folds dotted and dotless I explicitly', () => {
  assert.equal(turkicLower('İLHAM'), 'ilham');
  assert.equal(turkicLower('IŞIQ'), 'ışıq');
});

test('Azerbaijani Latin, Azerbaijani Cyrillic and Russian spellings meet at one skeleton', () => {
  const same = [
    ['Məmmədova', 'Мәммәдова', 'Мамедова', 'Mammadova'],
    ['Həsənov', 'Һәсәнов', 'Гасанов', 'Hasanov'],
    ['Cəfərova', 'Ҹәфәрова', 'Джафарова', 'Jafarova'],
    ['Qasımov', 'Гасымов', 'Касумов'],
    ['Əliyeva', 'Алиева', 'Aliyeva'],
  ];
  for (const group of same) {
    const skels = new Set(group.map(skeleton));
    assert.equal(skels.size, 1, `${group.join(' / ')} → ${[...skels].join(', ')}`);
  }
  assert.notEqual(skeleton('Məmmədova'), skeleton('Əliyeva'));
});

test('folding keeps letters comparable and drops everything else', () => {
  assert.equal(latinFold('Gülnarə-Şükürova'), 'gulnaresh' + 'ukurova');
  assert.ok(similarity(latinFold('Aygun'), latinFold('Aygün')) === 1);
  assert.ok(similarity('mamedova', 'memmedova') > 0.85);
  assert.ok(similarity('mamedova', 'aliyeva') < 0.7);
});

test('match tokens need two facts: full name, or a name part with the birth date', () => {
  assert.deepEqual(matchTokens({ givenName: 'Aynur' }), []);
  assert.equal(matchTokens({ givenName: 'Aynur', familyName: 'Qasımova', birthDate: '1995-04-01' }).length, 3);
});

test('name search: "Aynur Məmmədova" from the Cyrillic and the plain Latin spelling, in any order, and nothing outside the searcher\'s scope', async () => {
  const { startTestApp } = await import('../test/harness.ts');
  const { intake } = await import('../test/factories.ts');
  const t = await startTestApp();
  try {
    const police = await t.as('police_investigator');
    const aynur = await intake(police, { identity: { givenName: 'Aynur', familyName: 'Məmmədova', birthDate: '1994-05-02' } });
    await intake(police, { identity: { givenName: 'Aytən', familyName: 'Məmmədova' } });
    await intake(police, { identity: { givenName: 'Aynur', familyName: 'Quliyeva' } });
    const found = async (c: Awaited<ReturnType<typeof t.as>>, name: string) => {
      const res = await c.get(`/api/persons?name=${encodeURIComponent(name)}`);
      assert.equal(res.status, 200, JSON.stringify(res.body));
      return (res.body.items as { id: string }[]).map((p) => p.id);
    };
    for (const q of ['Айнур Мамедова', 'aynur mammadova', 'Məmmədova Aynur', 'AYNUR MEMMEDOVA', 'Әјнур Мәммәдова']) {
      assert.deepEqual(await found(police, q), [aynur.id], q);
    }
    assert.equal((await found(police, 'Мамедова')).length, 2, 'one word: both Məmmədovas');
    assert.deepEqual(await found(police, 'Aynur Hüseynova'), [], 'every word must match');
    // The hotline operator sees only persons they opened: the same search finds nothing.
    assert.deepEqual(await found(await t.as('hotline_operator'), 'Aynur Məmmədova'), []);
    const bad = await police.get('/api/persons?name=--');
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.fields[0].path, 'name');
    // A person stored before name search (pair tokens only) is found after the start-up reindex.
    await t.db.kysely.updateTable('persons').set({ match_keys: [] }).where('id', '=', aynur.id).execute();
    await t.db.kysely.deleteFrom('settings').where('key', '=', 'persons.name_index').execute();
    assert.deepEqual(await found(police, 'Aynur Məmmədova'), []);
    const { ensureNameIndex } = await import('./name-index.ts');
    assert.ok((await ensureNameIndex(t.db.kysely, t.ctx.fieldKey)) >= 3);
    assert.deepEqual(await found(police, 'Aynur Məmmədova'), [aynur.id]);
    assert.equal(await ensureNameIndex(t.db.kysely, t.ctx.fieldKey), 0, 'once');
  } finally {
    await t.close();
  }
});
