// The genre's weights are data, set by hand or fitted by a script: a fit is reproducible, committed
// fitted weights are what the script writes, the fit finds a rule that is there, and a weights file
// for other cue kinds is refused.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { fitGenre, fitLogistic } from './genre-fit.ts';
import { GENRE_KINDS, GENRE_WEIGHTS_PATH, GenreWeightsFile, genreCues, genreWeightsFrom } from './genre.ts';
import { normalise } from './normalise.ts';
import { screenText } from './screen.ts';

test('a fit is reproducible, and committed fitted weights are what npm run fit:genre -- --write produces', () => {
  const fit = JSON.parse(JSON.stringify(fitGenre()));
  assert.deepEqual(JSON.parse(JSON.stringify(fitGenre())), fit);
  GenreWeightsFile.parse(fit);
  const committed = GenreWeightsFile.parse(JSON.parse(fs.readFileSync(GENRE_WEIGHTS_PATH, 'utf8')));
  if (committed.source === 'fit') assert.deepEqual(fit, committed, 'run npm run fit:genre -- --write, then npm run train:screening, and commit data/screening/');
});

test('the fit finds a cue kind that decides the genre, leaves one that does not near zero, and can hold the bias', () => {
  const zero = GENRE_KINDS.map(() => 0);
  const rows = [];
  for (let k = 0; k < 40; k++) {
    const x = [...zero];
    x[0] = k % 2; // the deciding kind
    x[1] = Math.floor(k / 2) % 2; // noise, independent of the genre
    rows.push({ x, y: (k % 2) as 0 | 1, w: 1, set: 1, cost: 1, fold: 0 });
  }
  const m = fitLogistic(rows, 0.1);
  assert.ok(m.w[0]! > 3, `deciding weight ${m.w[0]}`);
  assert.ok(Math.abs(m.w[1]!) < 0.1, `noise weight ${m.w[1]}`);
  const held = fitLogistic(rows, 0.1, -1.2);
  assert.equal(held.b, -1.2);
  assert.ok(held.w[0]! > 1, `deciding weight with the bias held ${held.w[0]}`);
});

test('a weights file for other cue kinds is refused', () => {
  const f = GenreWeightsFile.parse(JSON.parse(fs.readFileSync(GENRE_WEIGHTS_PATH, 'utf8')));
  assert.throws(() => genreWeightsFrom({ ...f, kinds: f.kinds.slice(1) }), /fit:genre/);
});

test('a campaign hashtag and a checklist are counted with their spans; a kind at weight 0 is not shown', () => {
  const text = 'Going abroad?\n✅ Keep your passport\n✅ Get a contract\n#SafeMigration';
  const { counts, cues } = genreCues(normalise(text), text);
  assert.deepEqual(cues.filter((c) => c.kind === 'hashtag').map((c) => c.text), ['#SafeMigration']);
  assert.deepEqual(cues.filter((c) => c.kind === 'list').map((c) => c.text), ['✅', '✅']);
  assert.equal(counts[GENRE_KINDS.indexOf('list')], 2);
  for (const c of cues) assert.equal(text.slice(c.start, c.end), c.text);
  const weights = genreWeightsFrom(GenreWeightsFile.parse(JSON.parse(fs.readFileSync(GENRE_WEIGHTS_PATH, 'utf8'))));
  const shown = screenText({ id: 'c', text }).genre?.cues ?? [];
  assert.deepEqual(shown.map((c) => c.kind).filter((k) => weights.weights[GENRE_KINDS.indexOf(k)] === 0), []);
});
