import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readSplit } from './corpus/io.ts';
import { screenText, screeningModel } from './screen.ts';
import { MAX_TEXT_CHARS } from './schema.ts';

const screen = (text: string, channel?: 'job_ad' | 'chat' | 'news' | 'awareness') => screenText({ id: 't', text, channel });
const codes = (text: string) => screen(text).indicators.map((i) => i.code);

test('a suspicious Azerbaijani job ad is flagged, with evidence at the right offsets', () => {
  const text = 'Təcili! Dubayda ofisiant işi, təcrübə tələb olunmur, yüksək maaş. Bilet bizdən. Yalnız WhatsApp: +994 50 000 00 00';
  const r = screen(text, 'job_ad');
  assert.equal(r.flagged, true);
  assert.equal(r.lang, 'az');
  const urgency = r.indicators.find((i) => i.code === 'urgency_pressure');
  assert.deepEqual(urgency?.evidence, [{ start: 0, end: 6, text: 'Təcili' }]);
  const travel = r.indicators.find((i) => i.code === 'recruiter_pays_travel');
  assert.deepEqual(travel?.evidence, [{ start: 66, end: 78, text: 'Bilet bizdən' }]);
});

test('the same indicator is found in every language and script', () => {
  assert.deepEqual(codes('Pasportumu götürdülər'), ['document_retention']);
  assert.deepEqual(codes('Паспортуму ҝөтүрдүләр'), ['document_retention'], 'Azerbaijani Cyrillic');
  assert.deepEqual(codes('Pаspоrtumu götürdülər'), ['document_retention'], 'Cyrillic а and о inside Latin');
  assert.deepEqual(codes('Забрали паспорт'), ['document_retention']);
  assert.deepEqual(codes('Zabrali pasport'), ['document_retention'], 'Russian typed in Latin letters');
  assert.deepEqual(codes('They took my passport'), ['document_retention']);
  assert.deepEqual(codes('Pasaportumu aldılar'), ['document_retention']);
  assert.deepEqual(codes('p a s p o r t u m u götürdülər'), ['document_retention'], 'spaced letters');
});

test('a negated indicator does not count and lowers the score', () => {
  const base = 'Waitress job in Dubai. High salary. Registration fee 300 AZN. Ticket paid.';
  const negated = 'Waitress job in Dubai. High salary. No registration fee. Ticket paid.';
  assert.ok(codes(base).includes('advance_fee'));
  assert.ok(!codes(negated).includes('advance_fee'));
  assert.ok(screen(negated, 'job_ad').score < screen(base, 'job_ad').score);
  // Negation does not reach across a sentence: "no" here belongs to the first sentence.
  assert.ok(codes('Call me, no. Registration fee 300 AZN.').includes('advance_fee'));
});

test('reporting about trafficking (news, awareness) scores lower than the same words from a victim', () => {
  const victim = 'They took my passport. We have not been paid for three months. They lock the door at night.';
  const news = `Police said a criminal case was opened and the suspect was detained. According to investigators, the women said: «${victim}»`;
  const poster = `Be careful! Signs of trafficking: «${victim}» Call 152.`;
  const v = screen(victim);
  assert.equal(v.flagged, true);
  assert.ok(screen(news).score < v.score, 'news');
  assert.ok(screen(poster).score < v.score, 'awareness');
  assert.equal(screen(poster).flagged, false);
});

test('no evidence, no flag; an over-long text is truncated with a warning', () => {
  const r = screen('Salam, sabah görüşək?');
  assert.deepEqual([r.flagged, r.indicators], [false, []]);
  const long = screen('a '.repeat(MAX_TEXT_CHARS));
  assert.deepEqual(long.warnings, [`text truncated to ${MAX_TEXT_CHARS} of ${2 * MAX_TEXT_CHARS} characters`]);
});

test('every flagged item of the whole corpus has evidence that lies in its own text', () => {
  const model = screeningModel();
  let flagged = 0;
  for (const split of ['train', 'dev', 'test'] as const) {
    for (const item of readSplit(split)) {
      const r = screenText({ id: item.id, text: item.text, channel: item.channel }, model);
      for (const ind of r.indicators) {
        for (const e of ind.evidence) {
          assert.ok(e.start < e.end, `${item.id}: empty span`);
          assert.equal(e.text, item.text.slice(e.start, e.end), `${item.id}: ${ind.code}`);
        }
      }
      if (!r.flagged) continue;
      flagged++;
      assert.ok(r.indicators.some((i) => i.evidence.length > 0), `${item.id} is flagged without evidence`);
    }
  }
  assert.ok(flagged > 500, `only ${flagged} flagged`);
});
