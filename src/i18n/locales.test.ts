import assert from 'node:assert/strict';
import { test } from 'node:test';
import az from '../../web/src/i18n/az.json' with { type: 'json' };
import en from '../../web/src/i18n/en.json' with { type: 'json' };
import ru from '../../web/src/i18n/ru.json' with { type: 'json' };

// Plural forms differ by language (ru has few and many): compare the keys without their suffix.
const PLURAL = /_(zero|one|two|few|many|other)$/;
function keys(obj: unknown, prefix = ''): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') for (const x of keys(v, path)) out.add(x);
    else out.add(path.replace(PLURAL, ''));
  }
  return out;
}
function empties(obj: unknown, prefix = ''): string[] {
  return Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') return empties(v, path);
    return typeof v === 'string' && v.trim() === '' ? [path] : [];
  });
}

test('the interface has every text in az, en and ru, none empty', () => {
  const sets = { az: keys(az), en: keys(en), ru: keys(ru) };
  const all = new Set([...sets.az, ...sets.en, ...sets.ru]);
  const missing = Object.entries(sets).flatMap(([lang, s]) => [...all].filter((k) => !s.has(k)).map((k) => `${lang}: ${k}`));
  assert.deepEqual(missing, []);
  assert.deepEqual([...empties(az), ...empties(en), ...empties(ru)], []);
});

test('ru plurals carry one, few and many wherever en has a plural', () => {
  const plurals = (obj: unknown, prefix = ''): string[] =>
    Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => {
      const path = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object') return plurals(v, path);
      return k.endsWith('_other') ? [path.slice(0, -'_other'.length)] : [];
    });
  const flat = (obj: unknown, prefix = ''): Record<string, unknown> =>
    Object.fromEntries(Object.entries(obj as Record<string, unknown>).flatMap(([k, v]) => (v && typeof v === 'object' ? Object.entries(flat(v, prefix ? `${prefix}.${k}` : k)) : [[prefix ? `${prefix}.${k}` : k, v]])));
  const r = flat(ru);
  const gaps = plurals(en).flatMap((base) => ['one', 'few', 'many'].filter((f) => r[`${base}_${f}`] === undefined).map((f) => `${base}_${f}`));
  assert.deepEqual(gaps, []);
});
