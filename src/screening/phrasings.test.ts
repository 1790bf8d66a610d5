// Issue 15: phrasings a new user tried that the phrase lexicon missed. Each is held here as a
// positive with its indicator, with reordered and inflected variants; its negated form finds no
// indicator and is not flagged; its news-report form keeps the indicator but is not flagged.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Indicator } from './indicators.ts';
import { screenText } from './screen.ts';

const screen = (text: string) => screenText({ id: 't', text });
const codes = (text: string) => screen(text).indicators.map((i) => i.code);

const CASES: { code: Indicator; missed: string; variants: string[]; negated: string[]; news: string }[] = [
  {
    code: 'document_retention',
    missed: 'паспорт сдать работодателю',
    variants: ['Работодателю паспорт сдать', 'паспорта сдаёте работодателю по приезду', 'Pasport sdat rabotodatelyu'],
    negated: ['паспорт не сдаёте работодателю'],
    news: 'Полиция задержала вербовщика: по данным следствия, рабочих заставляли сдать паспорт работодателю.',
  },
  {
    code: 'recruiter_pays_travel',
    missed: 'билеты и визу оформим',
    variants: ['визу и билеты оформляем сами', 'оформим билет и визу', 'bilety i vizu oformim'],
    negated: ['билеты и визу не оформляем'],
    news: 'Суд установил, что обвиняемый обещал жертвам: «билеты и визу оформим», а затем продавал их.',
  },
  {
    code: 'document_retention',
    missed: 'Работодатель держит мой паспорт',
    variants: ['Мой паспорт держит работодатель', 'работодатель держит наши паспорта в сейфе', 'Rabotodatel derzhit moy pasport'],
    negated: ['Работодатель не держит мой паспорт'],
    news: 'Потерпевшая рассказала суду, что работодатель держит паспорта работниц, сообщает прокуратура.',
  },
  {
    code: 'document_retention',
    missed: 'паспорт заберут',
    variants: ['заберут паспорт на границе', 'паспорта забрали сразу', 'pasport zaberut'],
    negated: ['паспорт не заберут'],
    news: 'По данным МВД, у задержанных иностранцев работодатель забирал паспорта; возбуждено уголовное дело.',
  },
  {
    code: 'document_retention',
    missed: 'pasportunuzu işəgötürənə təhvil verirsiniz',
    variants: ['İşəgötürənə pasportlarınızı təhvil verəcəksiniz', 'Pasportunuzu isegoturene tehvil verirsiniz', 'Пасподтунузу ишәҝөтүрәнә тәһвил верирсиниз'.replace('Пасподтунузу', 'Паспортунузу')],
    negated: ['Pasportunuzu işəgötürənə təhvil vermirsiniz'],
    news: 'Polis bildirib ki, saxlanılan şəxs fəhlələrə pasportunuzu işəgötürənə təhvil verirsiniz deyirmiş; cinayət işi başlanıb.',
  },
  {
    code: 'document_retention',
    missed: 'Pasportumu əlimdən aldılar',
    variants: ['Əlimdən pasportumu aldılar', 'pasportlarımızı əlimizdən alıblar', 'Pasportumu elimden aldilar'],
    negated: ['Pasportumu əlimdən almadılar'],
    news: 'Məhkəmədə zərərçəkmiş qadın ifadə verib: pasportumu əlimdən aldılar. Polis araşdırma aparır.',
  },
];

for (const c of CASES) {
  test(`missed phrasing "${c.missed}" is a flagged positive with ${c.code}`, () => {
    const r = screen(c.missed);
    assert.ok(r.indicators.some((i) => i.code === c.code), JSON.stringify(r.indicators));
    assert.equal(r.flagged, true, `score ${r.score}`);
    for (const v of c.variants) assert.ok(codes(v).includes(c.code), `variant: ${v} → ${codes(v).join()}`);
  });
  test(`"${c.missed}": negated and news-report forms are not flagged`, () => {
    for (const n of c.negated) {
      const r = screen(n);
      assert.ok(!r.indicators.some((i) => i.code === c.code), `negated: ${n}`);
      assert.equal(r.flagged, false, `negated: ${n}`);
    }
    const news = screen(c.news);
    assert.equal(news.genre?.genre, 'about', JSON.stringify(news.genre));
    assert.equal(news.flagged, false);
    assert.ok(news.indicators.some((i) => i.code === c.code), `news keeps its indicator: ${news.indicators.map((i) => i.code).join()}`);
  });
}

test('evidence spans of a concept map to exact offsets in the original, in any order', () => {
  const text = 'Salam! Работодатель, говорят, держит мой паспорт.';
  const r = screen(text);
  const ev = r.indicators.find((i) => i.code === 'document_retention')?.evidence ?? [];
  assert.deepEqual(ev.map((e) => e.text), ['держит', 'паспорт']);
  for (const e of ev) assert.equal(text.slice(e.start, e.end), e.text);
});

test('a mixed Azerbaijani/Russian job ad gets its indicators and is flagged', () => {
  const r = screen('Rusiyada tikintiyə işçilər lazımdır! Паспорт сдаёте работодателю по приезду, bilet bizdən, maaş 1500$.');
  const found = r.indicators.map((i) => i.code);
  for (const c of ['document_retention', 'recruiter_pays_travel'] as const) assert.ok(found.includes(c), found.join());
  assert.equal(r.flagged, true);
});

test('an awareness poster shows its indicators but is not flagged', () => {
  const r = screen('Работодатель забрал паспорт и угрожает? Это признаки торговли людьми. Звоните 152.');
  assert.equal(r.genre?.genre, 'about');
  assert.equal(r.flagged, false);
  assert.ok(r.indicators.some((i) => i.code === 'document_retention'));
});
