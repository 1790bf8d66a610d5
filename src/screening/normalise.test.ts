import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise, SPACED_RUN, spacedSeparators, toOriginal } from './normalise.ts';

const norm = (t: string, lang?: string) => normalise(t, { lang }).text;

test('Turkish and Azerbaijani I: İ, I, ı and i all fold to i, one unit each', () => {
  assert.equal(norm('İŞ'), ' is ');
  assert.equal(norm('ISTANBUL ıstanbul İstanbul'), ' istanbul istanbul istanbul ');
  const n = normalise('İŞ VAR');
  assert.equal(n.text, ' is var ');
  assert.equal(n.text.length, n.from.length, 'every output unit has a source offset');
  assert.deepEqual(toOriginal(n, 1, 3), { start: 0, end: 2 });
});

test('Azerbaijani Cyrillic is read through the Azerbaijani table, not the Russian one', () => {
  // Ҝ→g, ә→ə→e, Ҹ→c, Г→q (then the Latin skeleton q→k), Ы→ı→i, Ј→y (skeleton y→i).
  assert.equal(norm('Ҝәнҹ гызлар'), ' genc kizlar ');
  assert.equal(norm('Иш Дубајда'), ' is dubaida ');
  assert.equal(normalise('Иш Дубајда').azCyrillic, true);
  // Without Azerbaijani letters the text is taken for Russian and stays Cyrillic…
  assert.equal(norm('паспорт забрали'), ' паспорт забрали ');
  // …unless the caller says it is Azerbaijani.
  assert.equal(norm('паспорт', 'az'), ' pasport ');
});

test('homoglyphs, spaced letters, symbols and zero-width characters all give the plain word', () => {
  for (const t of ['pаsport', 'p a s p o r t', 'p.a.s.p.o.r.t', 'p@sport', 'pa$port', 'pas\u200Bport', 'PASPORT']) {
    assert.equal(norm(t), ' pasport ', JSON.stringify(t));
  }
  // A Latin o inside a Cyrillic word goes the other way.
  assert.equal(norm('пaспoрт'), ' паспорт ');
  // Digits stay digits in numbers ("yaş" → "yas" → skeleton "ya"→"a": "as").
  assert.equal(norm('100 manat, 18-25 yaş'), ' 100 manat 18 25 as ');
});

test('emoji that stand for words become tokens mapped to the emoji', () => {
  const n = normalise('💃 işi ✈️');
  assert.equal(n.text, ' emodancer isi emoplane ');
  const at = n.text.indexOf('emodancer');
  assert.deepEqual(toOriginal(n, at, at + 'emodancer'.length), { start: 0, end: 2 });
});

test('Russian typed in Latin letters meets one spelling skeleton', () => {
  assert.equal(norm('zhenih'), norm('jenih'));
  assert.equal(norm('besplatnyy'), norm('besplatnij'));
  assert.equal(norm('Vylet zavtra'), norm('vilet zavtra'));
});

test('a normalised range maps back to the exact original characters', () => {
  const text = 'Salam! P a s p o r t u m u  ALDILAR.';
  const n = normalise(text);
  const i = n.text.indexOf('pasportumu');
  const { start, end } = toOriginal(n, i, i + 'pasportumu'.length);
  assert.equal(text.slice(start, end), 'P a s p o r t u m u');
  // Sentence punctuation survives as a break.
  assert.equal(n.text, ' salam | pasportumu aldilar | ');
});

test('a long text and then a short one: the reused buffers grow and do not leak between texts', () => {
  const long = 'Pasport '.repeat(2000);
  const n = normalise(long);
  assert.equal(n.text, ` ${'pasport '.repeat(2000)}`);
  assert.equal(n.from.length, n.text.length);
  assert.deepEqual(toOriginal(n, n.text.length - 8, n.text.length - 1), { start: long.length - 8, end: long.length - 1 });
  assert.equal(norm('İŞ'), ' is ');
});

test('spaced letters are found however the run is placed, astral characters and € included', () => {
  // The quick pre-check before the Unicode regex must not miss a run at the very end or start.
  assert.equal(norm('x p-a-s-p'), ' hpasp ');
  assert.equal(norm('v.i.z.a'), ' viza ');
  assert.equal(norm('𝐀 p a s p o r t'), ' 𝐀pasport ');
  assert.equal(norm('p a s'), ' p a s ');
  // € stands for e inside a word (then the doubled e collapses).
  assert.equal(norm('f€e'), ' fe ');
});

test('the spaced-letters scan drops exactly the separators inside SPACED_RUN matches', () => {
  // Letters (one astral), separators, lone surrogates, marks and digits in random order: runs that
  // start after a letter, end before one, hold an astral letter or a lone surrogate.
  const letters = [...'aBэЖəxİ', '\uD835\uDC9C'];
  const separators = [...' .-_*·'];
  const others = ['\uD835', '\uDC9C', '\u0301', '1', '\n', '|', ' '];
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const pick = (xs: string[]) => xs[Math.floor(next() * xs.length)]!;
  let runs = 0;
  for (let n = 0; n < 20000; n++) {
    let t = '';
    // Mostly letter, separator, letter…; now and then a break in the pattern.
    for (let k = 0, len = 1 + Math.floor(next() * 20); k < len; k++) t += next() < 0.8 ? pick(k % 2 ? separators : letters) : pick([...letters, ...others]);
    const expected = new Uint8Array(t.length);
    for (const m of t.matchAll(SPACED_RUN)) {
      runs++;
      for (let i = m.index + 1; i < m.index + m[0].length; i++) if (!/\p{L}/u.test(t[i]!)) expected[i] = 1;
    }
    // maySpace may rule a text out first; its answer must then be no drops at all.
    assert.deepEqual([...spacedSeparators(t).subarray(0, t.length)], [...expected], JSON.stringify(t));
  }
  assert.ok(runs > 1000, `the strings held ${runs} spaced runs`);
});
