// Genre: is the text a first-party item (an offer, a recruiter's message, a victim's own words, a
// caller's account) or a text ABOUT trafficking (news, court reports, awareness and advice,
// training)? A separate, explained judgement: the cues found, each with its span, and a weight
// per kind of cue. Texts about trafficking mention indicators without being cases, so the
// judgement lowers the score (screen.ts) while their indicators are still shown.
import { buildIndex, slotHits, tokens } from './concepts/match.ts';
import type { SynLang } from './concepts/stem.ts';
import { toOriginal, type Normalised } from './normalise.ts';

type Slot = Partial<Record<SynLang, string[]>>;

const GENRE_CUES: Record<string, Slot> = {
  // Reporting: police, courts, officials, "according to", victims in the third person.
  report: {
    az: ['polis', 'saxlanılıb', 'saxlanılan', 'saxlanıldı', 'həbs', 'məhkəmə', 'istintaq', 'cinayət işi', 'prokuror', 'prokurorluq', 'nazirlik', 'nazirliyi', 'zərərçəkmiş', 'qurban', 'qurbanlar', 'şəbəkə', 'zərərsizləşdir', 'ifşa', 'aşkarlanıb', 'qaytarılıb', 'qarşısı alınıb', 'hesabat', 'konfrans', 'parlament', 'bildirib', 'məlumata görə', 'araşdırma', 'cəza', 'keçirilib', 'təsdiqləyib', 'müəyyən edilib', 'dərc edib', 'iddia', 'ittiham'],
    ru: ['~полици', '~задержан', '~арест', '~суд', '~следстви', '~следовател', 'уголовное дело', '~прокурат', '~мвд', '~министерств', '~потерпевш', '~жертв', '~приговор', 'по данным', 'по словам', '~сообщает', '~сообщил', '~раскрыт', '~выявил', '~предотвращ', '~вернули', '~отчет', '~отчёт', '~конференц', '~парламент', '~возбужден', '~обвиня', '~вербовавш', '~вывозивш', '~удерживавш', '~опубликова', '~одобрил'],
    en: ['police', 'detained', 'arrested', 'court', 'investigator', 'investigators', 'criminal case', 'prosecutor', 'prosecutors', 'ministry', 'victim', 'victims', 'sentenced', 'according to', 'said', 'exposed', 'uncovered', 'prevented', 'returned home', 'report', 'conference', 'parliament', 'charged', 'ring', 'published', 'approved', 'has been opened'],
    tr: ['polis', 'gözaltı', 'tutuklandı', 'yakalandı', 'mahkeme', 'soruşturma', 'savcılık', 'savcı', 'bakanlığı', 'mağdur', 'mağdurlar', 'hapis', 'göre', 'çökertildi', 'çökertti', 'ortaya çıkardı', 'engellendi', 'döndü', 'rapor', 'konferans', 'meclis', 'açıkladı', 'şebeke', 'çete', 'yayımladı', 'kabul etti', 'anlattı', 'düzenlendi', 'başlatıldı'],
  },
  // The topic named outright: people living it rarely call it "trafficking".
  topic: {
    az: ['insan alveri', 'insan alverinə', 'insan alverinin', 'insan alveri ilə', 'erkən nikah'],
    ru: ['торговл людьми', 'торговли людьми', 'торговлей людьми', 'торговле людьми', 'ранний брак', 'ранний брак'],
    en: ['trafficking', 'human trafficking', 'trafficked', 'child marriage'],
    tr: ['insan ticareti', 'insan ticaretiyle', 'insan ticaretini', 'çocuk evliliği', 'erken yaşta evlilik'],
  },
  // Awareness and advice: the hotline, "be careful", "signs of", "know your rights", "do not …".
  advice: {
    az: ['152', 'diqqət', 'ehtiyatlı olun', 'əlaməti', 'əlamətləri', 'qaynar xətt', 'tək deyilsiniz', 'hüquqlarınızı', 'məsləhət', 'yoxlayın', 'normal deyil', 'qanunla', 'qadağandır', 'kömək istəyin', 'etibar etməyin', 'verməyin', 'göndərməyin', 'razılıq verməyin', 'məlumat verin', 'təlim', 'ümumdünya', 'gəlin birlikdə', 'qurbanı ola', 'zəng pulsuzdur', '=tələ', '=tələdir'],
    ru: ['152', 'будьте осторожны', '~признак', 'горячая линия', 'горячую линию', 'вы не одни', 'знайте свои права', '~совет', '~проверяйте', 'не норма', '~незаконно', '~обратитесь', 'не отдавайте', 'не доверяйте', '~сообщите', '~памятк', '~всемирн', '~ловушк', 'повод насторожиться', '~нарушение прав', '=звоните'],
    en: ['152', 'be careful', 'signs of', 'sign of', 'hotline', 'you are not alone', 'know your rights', 'tip', 'check the company', 'not normal', 'illegal', 'ask for help', 'never hand', 'do not', 'don t', '=tell the police', 'training', 'handout', 'world day', 'trap', 'reason to stop', 'violates'],
    tr: ['157', '152', 'dikkatli olun', 'belirtileri', 'belirtisi', 'yalnız değilsiniz', 'haklarınızı', 'tavsiye', 'kontrol edin', 'normal değildir', 'yasa dışıdır', 'yardım isteyin', 'vermeyin', 'bildirin', 'eğitim notu', 'dünya', 'tuzak', 'evet demeyin', 'evlendirmeyin', 'hak ihlali', 'ücretsiz hat'],
  },
  // A caller's account: hotline notes are first-party even in the third person.
  caller: {
    az: ['zəng edən', 'zəng edir', 'vətəndaş bildirdi', 'bildirir ki', 'abunəçi', 'soruşur', 'soruşdu'],
    ru: ['=звонит', '=звонила', '=звонил', '~звонок', '~звонивш', 'абонент', 'сообщила о', 'сообщает:', 'спрашивает', 'просит'],
    en: ['caller', 'calls', 'called', 'asks about', 'reports that', 'reports a', 'asked'],
    tr: ['arayan', 'aradı', 'soruyor', 'sordu', 'bildirdi'],
  },
  // The writer speaking of themselves.
  first_person: {
    az: ['=mən', '=men', '=məni', '=mənim', '=mənə', '~bacım', '~qardaşım', '~qızım', '~pasportum', '~telefonum', 'istəyirəm', 'bilmirəm', 'qorxuram', 'işləyirik', 'yatırıq', '=ana', 'anacan'],
    ru: ['=я', '=мне', '=меня', '=мой', '=моя', '=мою', '=мы', '=нас', '=нам', '=мам', '=мама'],
    en: ['=me', '=us', '=our', '=mum', 'i m', 'i want', 'i was', 'i have', 'i am', 'i don t', 'i can t', 'i haven t', 'i worked'],
    tr: ['=ben', '=beni', '=benim', '=bana', '=biz', '=bizi', '=anne', 'kardeşim', 'kuzenim'],
  },
  // An offer addressed to the reader: write, call, apply, wanted.
  offer: {
    az: ['yazın', 'zəng edin', 'lazımdır', 'tələb olunur', 'axtarılır', 'götürülür', 'müraciət', 'maraqlanan'],
    ru: ['~пишите', '~требуют', '~ищем', '~набира', '~приглашаем', '~обращайтесь'],
    en: ['wanted', 'needed', 'hiring', 'apply', 'contact', 'message me', 'dm', 'seeking'],
    tr: ['yazın', 'aranıyor', 'alınacak', 'alınacaktır', 'başvur', 'arıyoruz'],
  },
};

/** Weights of the about-vs-first-party judgement (logit), set by hand and documented. */
const WEIGHTS: Record<string, number> = { report: 1.4, topic: 2.0, advice: 1.5, caller: -3.0, first_person: -0.9, offer: -1.0 };
const CAPS: Record<string, number> = { report: 4, topic: 2, advice: 3, caller: 1, first_person: 3, offer: 2 };
const BIAS = -1.2;

let ix: ReturnType<typeof buildIndex> | undefined;
const NONE = new Set<string>();

export interface GenreCue {
  kind: string;
  start: number;
  end: number;
  text: string;
}

export interface Genre {
  genre: 'first_party' | 'about';
  /** Probability-like weight that the text is about trafficking rather than an item. */
  about: number;
  cues: GenreCue[];
}

const QUOTED = /[«"“„][^«»"“”„]{1,400}[»"”]/g;

/** The genre judgement, with every cue that led to it. */
export function judgeGenre(n: Normalised, original: string): Genre {
  ix ??= buildIndex(GENRE_CUES);
  const { tok, at } = tokens(n.text);
  const hits = slotHits(tok, undefined, () => 0, ix, NONE);
  const quoted: [number, number][] = [...original.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length]);
  const counts: Record<string, number> = {};
  const cues: GenreCue[] = [];
  const seen = new Set<number>();
  for (const h of hits) {
    const nStart = at[h.t0]!;
    const nEnd = at[h.t1]! + tok[h.t1]!.length;
    const { start, end } = toOriginal(n, nStart, nEnd);
    // Quoted first-person words are a victim quoted in a report, not the writer.
    if (h.slot === 'first_person' && quoted.some(([a, b]) => start >= a && end <= b)) continue;
    if (seen.has(h.t0 * 8 + Object.keys(WEIGHTS).indexOf(h.slot))) continue;
    seen.add(h.t0 * 8 + Object.keys(WEIGHTS).indexOf(h.slot));
    counts[h.slot] = (counts[h.slot] ?? 0) + 1;
    cues.push({ kind: h.slot, start, end, text: original.slice(start, end) });
  }
  let z = BIAS;
  for (const [k, w] of Object.entries(WEIGHTS)) z += w * Math.min(counts[k] ?? 0, CAPS[k]!);
  const about = 1 / (1 + Math.exp(-z));
  return { genre: about >= 0.5 ? 'about' : 'first_party', about, cues };
}
