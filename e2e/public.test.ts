// End-to-end: the public statistics page, signed out, in az, en and ru: hidden cells show the mark
// and no small number reaches the page. Synthetic editions, frozen directly (no documents rendered).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { ReportFigure } from '../src/report/report.ts';
import { freezeEdition } from '../src/publicstats/freeze.ts';
import az from '../web/src/i18n/az.json' with { type: 'json' };
import en from '../web/src/i18n/en.json' with { type: 'json' };
import ru from '../web/src/i18n/ru.json' with { type: 'json' };
import { BrowserSession, heading } from './session.ts';

const session = new BrowserSession();
const fig = (id: string, value: number, breakdown?: Record<string, number>): ReportFigure => ({ id, value, delta: null, ...(breakdown ? { breakdown, parts: 'partition' as const, unknown: 0 } : {}) });

// 3 men among 40 victims: the 3 is below the threshold, so 37 is hidden with it (else 40 − 37 gives it away).
const FIGURES = [
  fig('victims.identified', 40, { female: 37, male: 3 }),
  fig('victims.by_age', 40, { 'under-18': 2, '18-25': 11, '25-35': 15, '35+': 12 }),
  fig('hotline.calls', 1234),
];

before(async () => {
  if (!(await session.start())) return;
  const t = session.app;
  await freezeEdition(t.db.kysely, t.ctx.profile, 2023, { by: t.users.coordinator.id, figures: FIGURES });
});
after(() => session.close());

for (const [lang, words] of [['az', az], ['en', en], ['ru', ru]] as const) {
  test(`signed out, in ${lang}: the public page shows the tables with the mark for hidden cells and no small number`, async (tc) => {
    const tab = await session.open(tc);
    if (!tab) return;
    const { page, problems } = tab;
    await page.addInitScript((l) => window.localStorage.setItem('azad.language', l), lang);
    // Reached from the sign-in screen, which every signed-out visitor sees first.
    await page.goto('/');
    await page.getByRole('link', { name: words.public.title, exact: true }).click();
    await heading(page, words.public.title).waitFor();
    assert.equal(new URL(page.url()).pathname, '/public');
    assert.equal(await page.getByLabel(az.signIn.username, { exact: true }).count(), 0, 'no sign-in form: the page is open to all');

    const sex = page.getByTestId('public-victims-by-sex');
    await sex.waitFor();
    const marks = sex.getByTestId('suppressed');
    assert.equal(await marks.count(), 2, 'both sexes hidden, the total shown');
    for (const m of await marks.all()) assert.equal(await m.innerText(), 'x');
    const cells = await sex.locator('td').allInnerTexts();
    assert.deepEqual(cells, ['x', 'x', '40']);
    const ages = await page.getByTestId('public-victims-by-age').locator('td').allInnerTexts();
    assert.equal(ages.filter((c) => c === 'x').length, 2, 'the small band and one complement');
    assert.ok(!ages.includes('2'), 'the 2 under-18s never reach the page');

    // Nothing on the page (tables, bars, legend) carries the hidden numbers.
    const text = await page.locator('main').innerText();
    assert.equal(await page.locator('section:has([data-testid="public-victims-by-sex"]) svg').count(), 0, 'no bars when every part is hidden');
    const bars = await page.locator('section:has([data-testid="public-victims-by-age"]) svg').innerHTML();
    assert.match(bars, />12</, 'the bars show what the table shows');
    assert.doesNotMatch(bars, />(2|11)</, 'and none of the hidden numbers');
    assert.match(text, new RegExp(words.public.total));
    assert.match(await page.getByTestId('public-legend').innerText(), /x —/);
    const legendTitle = await marks.first().getAttribute('title');
    assert.ok(legendTitle && legendTitle.length > 20, 'the mark explains itself');
    const csv = await page.getByRole('link', { name: 'CSV' }).first().getAttribute('href');
    assert.match(csv ?? '', new RegExp(`/api/public/editions/2023/tables/victims-by-sex/csv\\?lang=${lang}&edition=1`));
    assert.deepEqual(problems, []);
  });
}
