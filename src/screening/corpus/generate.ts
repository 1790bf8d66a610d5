// The seeded generator of the synthetic labelled corpus (data/screening/{train,dev,test}.jsonl).
// Every text is invented; phone numbers are obviously fake (+994 50 000 00 0X, +90 555 000 00 0X).
import type { Indicator } from '../indicators.ts';
import type { Channel, ScreenLang } from '../schema.ts';
import { toLatin } from '../lexicon/translit.ts';
import type { Bank } from './bank.ts';
import { az } from './bank-az.ts';
import { en } from './bank-en.ts';
import { ru } from './bank-ru.ts';
import { tr } from './bank-tr.ts';
import { obfuscateKeyword, sprinkleEmoji, stripDiacritics, toAzCyrillic, typo } from './noise.ts';
import { rng, type Rng } from './rng.ts';
import { STYLED } from './styled.ts';

export type Split = 'train' | 'dev' | 'test';
export type CorpusLang = ScreenLang;

export interface CorpusItem {
  id: string;
  text: string;
  lang: CorpusLang;
  script: 'Latn' | 'Cyrl';
  channel: Channel;
  label: 0 | 1;
  indicators: Indicator[];
  group: string;
  kind: Kind;
}

type Kind =
  | 'scam_ad' | 'scam_social' | 'victim_chat' | 'hotline_case' | 'marriage' | 'minor_begging' | 'subtle'
  | 'legit_abroad' | 'local_job' | 'news_arrest' | 'awareness_poster' | 'benign_hotline' | 'everyday_chat'
  | 'styled_positive' | 'styled_negative';

const POSITIVE: Kind[] = ['styled_positive', 'scam_ad', 'scam_social', 'victim_chat', 'hotline_case', 'marriage', 'minor_begging', 'subtle'];
const KIND_WEIGHTS: [Kind, number][] = [
  ['scam_ad', 10], ['scam_social', 6], ['victim_chat', 7], ['hotline_case', 6], ['marriage', 3], ['minor_begging', 3], ['subtle', 6],
  ['legit_abroad', 11], ['local_job', 10], ['news_arrest', 9], ['awareness_poster', 9], ['benign_hotline', 8], ['everyday_chat', 12],
];

interface Variant {
  lang: CorpusLang;
  script: 'Latn' | 'Cyrl';
  primary: Bank;
  secondary?: Bank;
  surface: (t: string, r: Rng) => string;
}
const same = (t: string) => t;
const VARIANTS: [Variant, number][] = [
  [{ lang: 'az', script: 'Latn', primary: az, surface: same }, 20],
  [{ lang: 'az', script: 'Cyrl', primary: az, surface: (t) => toAzCyrillic(t) }, 10],
  [{ lang: 'ru', script: 'Cyrl', primary: ru, surface: same }, 16],
  [{ lang: 'ru', script: 'Latn', primary: ru, surface: (t, r) => toLatin(t, (o) => r.pick(o)) }, 10],
  [{ lang: 'en', script: 'Latn', primary: en, surface: same }, 15],
  [{ lang: 'tr', script: 'Latn', primary: tr, surface: same }, 15],
  [{ lang: 'mixed', script: 'Latn', primary: az, secondary: ru, surface: same }, 6],
  [{ lang: 'mixed', script: 'Latn', primary: az, secondary: en, surface: same }, 4],
  [{ lang: 'mixed', script: 'Cyrl', primary: ru, secondary: en, surface: same }, 3],
];

const RECRUITMENT: Indicator[] = ['deceptive_offer', 'recruiter_pays_travel', 'advance_fee', 'urgency_pressure', 'contact_only_messenger', 'irregular_migration'];
const CONTROL: Indicator[] = ['debt', 'document_retention', 'restricted_movement', 'isolation', 'threats_violence', 'withheld_wages', 'excessive_hours', 'abusive_conditions'];
const STRONG_ALONE: Indicator[] = ['document_retention', 'withheld_wages', 'threats_violence', 'restricted_movement', 'debt'];
const WEAK: Indicator[] = ['deceptive_offer', 'recruiter_pays_travel', 'urgency_pressure', 'contact_only_messenger', 'targets_young_women'];
const NAMES = ['Aysel', 'Leyla', 'Nigar', 'Sevda', 'Günel', 'Məryəm', 'Ruslan', 'Elvin'];

function weighted<T>(r: Rng, xs: [T, number][]): T {
  const total = xs.reduce((s, [, w]) => s + w, 0);
  let x = r.next() * total;
  for (const [v, w] of xs) if ((x -= w) < 0) return v;
  return xs[xs.length - 1]![0];
}

interface Family {
  id: string;
  split: Split;
  kind: Kind;
  variant: Variant;
  phone: string;
  job: string;
  place: string;
  name: string;
  style: { emoji: boolean; caps: boolean; strip: boolean; obfuscate: boolean; sep: string };
}

/** One phrasing from a list; the last phrasing of each list is reserved for the test split. */
function phrase(r: Rng, list: readonly string[], split: Split): string {
  return r.pick(split === 'test' ? list : list.slice(0, -1));
}

function fill(t: string, f: Family, bank: Bank, r: Rng): string {
  return t
    .replaceAll('{job}', bank === f.variant.primary ? f.job : r.pick(bank.jobs))
    .replaceAll('{place}', bank === f.variant.primary ? f.place : r.pick(bank.places))
    .replaceAll('{localPlace}', r.pick(bank.localPlaces))
    .replaceAll('{pay}', r.pick(bank.pay))
    .replaceAll('{phone}', f.phone)
    .replaceAll('{name}', f.name);
}

function build(f: Family, r: Rng): { parts: string[]; indicators: Indicator[]; channel: Channel } {
  const B = f.variant.primary;
  const bankFor = () => (f.variant.secondary && r.chance(0.5) ? f.variant.secondary : B);
  const parts: string[] = [];
  const indicators: Indicator[] = [];
  const say = (code: Indicator, quoted = false) => {
    const bank = bankFor();
    const p = fill(phrase(r, bank.ind[code], f.split), f, bank, r);
    parts.push(quoted ? `«${p}»` : p);
    indicators.push(code);
  };
  const some = (pool: Indicator[], min: number, max: number) => r.shuffle([...pool]).slice(0, min + r.int(max - min + 1)).forEach((c) => say(c));
  const tpl = (list: (b: Bank) => string[]) => {
    const bank = bankFor();
    parts.push(fill(phrase(r, list(bank), f.split), f, bank, r));
  };
  switch (f.kind) {
    case 'scam_ad':
    case 'scam_social': {
      tpl((b) => b.scamOpen);
      if (B.sexJobs.includes(f.job)) {
        say('sexualised_role');
        if (r.chance(0.6)) say('targets_young_women');
        some(RECRUITMENT, 1, 3);
      } else {
        if (r.chance(0.3)) say('targets_young_women');
        some(RECRUITMENT, 2, 4);
      }
      return { parts, indicators, channel: f.kind === 'scam_ad' ? 'job_ad' : 'social_post' };
    }
    case 'victim_chat':
      tpl((b) => b.chatOpen);
      if (r.chance(0.3)) tpl((b) => b.everyday);
      some(CONTROL, 2, 4);
      if (r.chance(0.6)) say('victim_voice');
      return { parts, indicators, channel: 'chat' };
    case 'hotline_case':
      tpl((b) => b.hotlineOpen);
      some(CONTROL, 1, 3);
      if (r.chance(0.4)) say('irregular_migration');
      return { parts, indicators, channel: 'hotline_note' };
    case 'marriage':
      say('marriage_offer');
      if (r.chance(0.5)) say('targets_young_women');
      some(['recruiter_pays_travel', 'urgency_pressure', 'contact_only_messenger'], 1, 2);
      return { parts, indicators, channel: 'social_post' };
    case 'minor_begging':
      tpl((b) => b.hotlineOpen);
      say(r.chance(0.5) ? 'minor' : 'forced_begging');
      some(CONTROL, 0, 2);
      return { parts, indicators, channel: 'hotline_note' };
    case 'subtle':
      if (r.chance(0.5)) {
        tpl((b) => b.chatOpen);
        say(r.pick(STRONG_ALONE));
        return { parts, indicators, channel: 'chat' };
      }
      some(WEAK, 3, 3);
      return { parts, indicators, channel: 'social_post' };
    case 'legit_abroad':
      // Legitimate ads open like the scams do; the difference is in what follows.
      if (r.chance(0.5)) tpl((b) => b.scamOpen);
      tpl((b) => b.legitAd);
      if (r.chance(0.35)) say(r.pick<Indicator>(['urgency_pressure', 'recruiter_pays_travel']));
      return { parts, indicators, channel: 'job_ad' };
    case 'local_job':
      tpl((b) => b.localAd);
      if (r.chance(0.35)) say(r.pick<Indicator>(['urgency_pressure', 'deceptive_offer']));
      return { parts, indicators, channel: r.chance(0.7) ? 'job_ad' : 'social_post' };
    case 'news_arrest':
      tpl((b) => b.news);
      if (r.chance(0.5)) say(r.pick(CONTROL), true);
      return { parts, indicators, channel: 'news' };
    case 'awareness_poster':
      tpl((b) => b.awareness);
      if (r.chance(0.4)) say(r.pick(RECRUITMENT), true);
      return { parts, indicators, channel: 'awareness' };
    case 'benign_hotline':
      if (r.chance(0.5)) tpl((b) => b.hotlineOpen);
      tpl((b) => b.benignHotline);
      return { parts, indicators, channel: 'hotline_note' };
    case 'everyday_chat':
      if (r.chance(0.6)) tpl((b) => b.chatOpen);
      tpl((b) => b.everyday);
      if (r.chance(0.3)) tpl((b) => b.everyday);
      return { parts, indicators, channel: 'chat' };
    case 'styled_positive':
    case 'styled_negative':
      throw new Error('styled items are written whole, not built from phrases');
    default: {
      const never: never = f.kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}

function render(f: Family, r: Rng): { text: string; indicators: Indicator[]; channel: Channel } {
  const { parts, indicators, channel } = build(f, r);
  const sep = f.style.sep;
  let text = parts.map((p) => p.replace(/[.!?,:»]?$/, (m) => m || '.')).join(sep);
  text = f.variant.surface(text, r);
  if (f.style.strip && (f.variant.lang === 'az' || f.variant.lang === 'tr') && f.variant.script === 'Latn') text = stripDiacritics(text);
  if (f.style.obfuscate && r.chance(0.7)) text = obfuscateKeyword(text, r);
  if (r.chance(0.15)) text = typo(text, r);
  if (f.style.emoji && (channel === 'job_ad' || channel === 'social_post')) text = sprinkleEmoji(text, r);
  if (f.style.caps && channel === 'job_ad' && r.chance(0.5)) text = text.toLocaleUpperCase(f.variant.lang === 'az' || f.variant.lang === 'tr' ? 'tr' : 'en');
  return { text, indicators: [...new Set(indicators)].sort(), channel };
}

/** The whole corpus, deterministic for a seed. */
export function generateCorpus(seed = 8, families = 420): Record<Split, CorpusItem[]> {
  const r = rng(seed);
  const out: Record<Split, CorpusItem[]> = { train: [], dev: [], test: [] };
  let n = 0;
  for (let g = 0; g < families; g++) {
    const variant = weighted(r, VARIANTS);
    const kind = weighted(r, KIND_WEIGHTS);
    const split: Split = r.chance(0.6) ? 'train' : r.chance(0.5) ? 'dev' : 'test';
    const B = variant.primary;
    const sexual = kind === 'scam_ad' || kind === 'scam_social' ? r.chance(0.3) : false;
    const f: Family = {
      id: `fam-${String(g).padStart(3, '0')}`,
      split,
      kind,
      variant,
      phone: r.chance(0.7) ? `+994 50 000 00 ${String(r.int(100)).padStart(2, '0')}` : `+90 555 000 00 ${String(r.int(100)).padStart(2, '0')}`,
      job: sexual ? r.pick(B.sexJobs) : r.pick(B.jobs),
      place: r.pick(B.places),
      name: r.pick(NAMES),
      style: { emoji: r.chance(0.4), caps: r.chance(0.15), strip: r.chance(0.3), obfuscate: r.chance(0.25), sep: r.pick([' ', ' ', '\n', ' | ']) },
    };
    const size = 3 + r.int(5);
    for (let k = 0; k < size; k++) {
      const { text, indicators, channel } = render(f, r);
      out[split].push({
        id: `scr-${String(++n).padStart(5, '0')}`,
        text,
        lang: variant.lang,
        script: variant.script,
        channel,
        label: POSITIVE.includes(kind) ? 1 : 0,
        indicators,
        group: f.id,
        kind,
      });
    }
  }
  // Hand-written texts in other styles (styled.ts): each its own group, most in train.
  STYLED.forEach((item, k) => {
    const split: Split = r.chance(0.7) ? 'train' : r.chance(0.5) ? 'dev' : 'test';
    out[split].push({ id: `scr-${String(++n).padStart(5, '0')}`, ...item, group: `sty-${String(k).padStart(3, '0')}`, kind: item.label === 1 ? 'styled_positive' : 'styled_negative' });
  });
  return out;
}
