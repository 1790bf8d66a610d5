// Genre: is the text a first-party item (an offer, a recruiter's message, a victim's own words, a
// caller's account) or a text ABOUT trafficking (news, court reports, awareness and advice,
// training)? A separate, explained judgement: the cues found, each with its span, and a weight
// per kind of cue. Texts about trafficking mention indicators without being cases, so the
// judgement lowers the score (screen.ts) while their indicators are still shown.
import fs from 'node:fs';
import { z } from 'zod';
import { buildIndex, slotHits, tokens } from './concepts/match.ts';
import type { SynLang } from './concepts/stem.ts';
import { toOriginal, type Normalised } from './normalise.ts';

type Slot = Partial<Record<SynLang, string[]>>;

const GENRE_CUES: Record<string, Slot> = {
  // Reporting: police, courts, officials, "according to", victims in the third person.
  report: {
    // The police as the subject or source of a report ("polis saxlayıb", "по данным полиции"), not as where a
    // writer would go or what they fear ("polisə", "в полицию", "polise", "polisdən").
    az: ['polis', 'saxlanılıb', 'saxlanılan', 'saxlanıldı', 'həbs', 'məhkəmə', 'istintaq', 'cinayət işi', 'prokuror', 'prokurorluq', 'nazirlik', 'nazirliyi', 'zərərçəkmiş', 'qurban', 'qurbanlar', 'şəbəkə', 'zərərsizləşdir', 'ifşa', 'aşkarlanıb', 'qaytarılıb', 'qarşısı alınıb', 'hesabat', 'konfrans', 'parlament', 'bildirib', 'məlumata görə', 'araşdırma', 'cəza', 'keçirilib', 'təsdiqləyib', 'müəyyən edilib', 'dərc edib', 'iddia', 'ittiham', 'azadlıqdan məhrum', 'il müddətinə', 'ifadə verib', 'təqsirləndirilən', 'aşkarlanıb', 'başlanılıb', 'tanınıb', 'açıqlanıb', 'məlumatına görə', 'xilas edilib', 'zərərçəkmişlər',
      // Court and crime reporting in other words: caught, held, extradited, compensation, lawyer, sentenced to.
      '~yaxalan', '=tutuldu', '=tutulub', '=tutulublar', '~ekstradisiya', '~qətimkan', '~təzminat', '=vəkil', '=vəkili', '=vəkilinin', '~jurnalist', 'azad edildi', 'azad edilib', '~hüquq mühafizə', '~sərhədçi', '~statistika', '~araşdırılır', '~məhkum', '~cinayət məsuliyyəti', '~təqsirləndiril', '~hökm', '~ittihamı', '~əməkdaşları', 'il həbs', 'il alıb', 'il aldı', '~vətənə qaytar', 'vətənə qayıd', 'polisə göndərilib', 'polisə təhvil verilib', '~müfəttiş', '~verbovşik'],
    ru: ['~полици', '~полицейск', '~задержан', '~арест', '~суд', '~следстви', '~следовател', 'уголовное дело', '~прокурат', '~мвд', '~министерств', '~потерпевш', '~жертв', '~приговор', 'по данным', 'по словам', '~сообщает', '~сообщил', '~раскрыт', '~выявил', '~предотвращ', '~предотврати', '~вернули', '~отчет', '~отчёт', '~конференц', '~парламент', '~возбужден', '~обвиня', '~вербовавш', '~вывозивш', '~удерживавш', '~опубликова', '~одобрил', 'лишения свободы', '~подсудим', '~освобожден', '~выявлено', '~пострадавш', '~задержана', '~задержаны', 'рассказала журналистам', 'по делу', '~представител', '=отметил', 'суд приговорил',
      'за решеткой', '~под страж', 'мера пресечения', '~пограничн', '~экстрадир', '~компенсац', '~адвокат', '~осужд', '~обвиняем', '~розыск', '~статистик', '~правоохранител', '~журналист', '~уголовн', '~ведомств', '~по информации', '~по версии', '~материалам дела', '~в отношении', '~ежегодн доклад', '~реальн срок', '~получил срок', '~вернули на родину', '~вернулись на родину', '~переданы в полицию', '~передан в полицию', '~направлен в полицию', '~инспектор', '~вербовщик'],
    en: ['police', 'detained', 'arrested', 'court', 'investigator', 'investigators', 'criminal case', 'prosecutor', 'prosecutors', 'ministry', 'victim', 'victims', 'sentenced', 'according to', 'said', 'exposed', 'uncovered', 'prevented', 'returned home', 'report', 'conference', 'parliament', 'charged', 'ring', 'published', 'approved', 'has been opened', 'were detained', 'was detained', 'rescued', 'rescue', 'identified', 'told reporters', 'testified', 'years in prison', 'jailed', 'spokesman', 'spokeswoman', 'trial', 'suspect', 'suspects', 'suspicion', 'were handed',
      'behind bars', 'judge', 'convicted', 'pleaded', 'the charges', 'extradited', 'handed over to', 'pending trial', '=officers', '=officials', '=authorities', 'compensation', 'lawyer', 'ruling', 'ruled', 'verdict', 'raided', 'inspected', 'inspectors', 'statistics', 'figures show', 'figures released', 'the accused', 'defendant', 'reporters', 'journalists', 'annual report'],
    tr: ['polis', 'gözaltı', 'tutuklandı', 'yakalandı', 'mahkeme', 'soruşturma', 'savcılık', 'savcı', 'bakanlığı', 'mağdur', 'mağdurlar', 'hapis', 'göre', 'çökertildi', 'çökertti', 'ortaya çıkardı', 'engellendi', 'döndü', 'rapor', 'konferans', 'meclis', 'açıkladı', 'şebeke', 'çete', 'yayımladı', 'kabul etti', 'anlattı', 'düzenlendi', 'başlatıldı', 'kurtarıldı', 'gözaltına alındı', 'yıl hapis', 'tespit edildi', 'belirlendi', 'koruma altına', 'şüpheli', 'ifadesinde', 'ifadede', 'iddianame', 'verilerine göre',
      '~tazminat', '=avukat', '=avukatı', '=avukatının', '~durduruldu', 'ceza verildi', '~cezası', '~hapis cezası', '=vaka', '=vakası', '=vakanın', '=vakalar', '~öğrenildi', 'tespit edilen', '~operasyon', '~kolluk', '~yargılan', '~sanık', '~tutuklu', '~istatistik', '~gazeteci', '~suçlama', '~hüküm', 'yurda döndü', 'ülkesine döndü', '~yurda getirildi', 'polise teslim edildi', '~müfettiş'],
  },
  // The topic named outright: people living it rarely call it "trafficking".
  topic: {
    az: ['insan alveri', 'insan alverinə', 'insan alverinin', 'insan alveri ilə', 'erkən nikah', 'əmək istismarı', 'əmək istismarına', 'cinsi istismar', 'məcburi əmək', 'istismara məruz'],
    ru: ['торговл людьми', 'торговли людьми', 'торговлей людьми', 'торговле людьми', 'ранний брак', '~ранн брак', '~трудов эксплуатац', '~сексуальн эксплуатац', '~принудительн труд'],
    en: ['trafficking', 'human trafficking', 'trafficked', 'child marriage', 'forced labour', 'forced labor', 'labour exploitation', 'labor exploitation', 'sexual exploitation', 'forced marriage'],
    tr: ['insan ticareti', 'insan ticaretiyle', 'insan ticaretini', 'çocuk evliliği', 'erken yaşta evlilik', 'zorla çalıştırma', 'cinsel sömürü', 'emek sömürüsü'],
  },
  // Awareness and advice: the hotline, "be careful", "signs of", "know your rights", "do not …".
  advice: {
    az: ['152', 'diqqət', 'ehtiyatlı olun', 'əlaməti', 'əlamətləri', 'qaynar xətt', 'tək deyilsiniz', 'hüquqlarınızı', 'məsləhət', 'yoxlayın', 'normal deyil', 'qanunla', 'qadağandır', '=kömək istəyin', 'etibar etməyin', 'verməyin', 'göndərməyin', 'razılıq verməyin', 'məlumat verin', 'təlim', 'ümumdünya', 'gəlin birlikdə', 'qurbanı ola', 'zəng pulsuzdur', '=tələ', '=tələdir', 'yadda saxlayın', 'valideynlər', 'qanunsuzdur', 'geri tələb edin', 'heç kimə verməyin', 'kömək pulsuzdur', 'ola bilərsiniz', 'təhlükə əlaməti', 'lisenziyasını yoxlayın', 'ərə verməyin', 'hüququnu pozur',
      '=sizindir', 'yola düşməzdən əvvəl', 'getmədən əvvəl', 'çıxış yolu var', '~surətini', '=paylaşın', 'xəbərdar edin', 'yaxınlarınızı', 'borclu deyilsiniz', 'hüququnuz var', 'pulsuz və anonim', 'anonim və pulsuz', 'heç kimin haqqı yoxdur', 'heç kim haqlı deyil', '=dayanın', 'necə anlamaq olar', 'necə tanımaq olar'],
    ru: ['152', 'будьте осторожны', '~признак', 'горячая линия', 'горячую линию', 'вы не одни', 'знайте свои права', '~совет', '~проверяйте', 'не норма', '~незаконно', '~обратитесь', 'не отдавайте', 'не доверяйте', '~сообщите', '~памятк', '~всемирн', '~ловушк', 'повод насторожиться', '~нарушение прав', '=звоните', 'никогда не', 'как распознать', '~проверьте', 'сохраните номер', '~остановитесь', '~посоветуйтесь', 'поговорите с детьми', '=родители', 'нарушение закона', '~помните', 'имеете право', 'звонок бесплатный', 'может быть вербовщиком',
      'принадлежит только вам', 'принадлежит вам', 'прежде чем', '~тревожн знак', '=вправе', '~сохраните', '~сфотографируйте', '=расскажите', 'не обязаны', 'есть выход', '~близк', 'бесплатно и анонимно', 'анонимно и бесплатно', 'никто не имеет права', 'никто не вправе'],
    en: ['152', 'be careful', 'signs of', 'sign of', 'hotline', 'you are not alone', 'know your rights', 'tip', 'check the company', 'not normal', 'illegal', 'ask for help', 'never hand', 'do not', 'don t', '=tell the police', 'training', 'handout', 'world day', 'trap', 'reason to stop', 'violates', 'remember', 'before you go', 'save the number', 'help is free', 'may be a victim', 'report it', 'share this', 'talk to your children', '=parents', 'check the agency', 'is a crime', 'against the law', 'your rights', 'signs a', 'red flags', 'never give', 'never pay',
      'belongs to you', 'before you sign', 'warning sign', 'you have the right', 'you can call', 'someone you love', 'how to tell', 'make a copy', 'you do not have to', 'free and anonymous', 'free and confidential', 'free, confidential', 'nobody has the right', 'no one has the right', 'how to recognise', 'how to recognize'],
    tr: ['157', '152', 'dikkatli olun', 'belirtileri', 'belirtisi', 'yalnız değilsiniz', 'haklarınızı', 'tavsiye', 'kontrol edin', 'normal değildir', 'yasa dışıdır', 'yardım isteyin', 'vermeyin', 'bildirin', 'eğitim notu', 'dünya', 'tuzak', 'evet demeyin', 'evlendirmeyin', 'hak ihlali', 'ücretsiz hat', 'unutmayın', '=asla', '=ücretsizdir', 'kimseye bırakmayın', 'ödemeyin', 'insan hakkı ihlali', 'geri isteyin',
      'size aittir', 'imza atmadan önce', 'gitmeden önce', '=sevdiklerinize', '=anlatın', '=paylaşın', 'çıkış var', 'zorunda değilsiniz', 'hakkınız var', 'ücretsiz ve gizli', 'gizli ve ücretsiz', 'kimsenin hakkı yok', 'kimsenin hakkı yoktur', '=durun', 'anne babalar', 'çocuklarınızla konuşun', 'nasıl tanır', 'nasıl anlaşılır'],
  },
  // Advice to the reader as a condition: "if your employer…", "если вас…", "əgər sizin…".
  // Formal or plural "you" only: a recruiter's "если хочешь", "əgər razısansa" stays first-party;
  // not "your passport" alone, which ads say too ("pasportunuzu təhvil verirsiniz").
  reader_if: {
    az: ['əgər sizin', 'əgər sizə', 'əgər sizi', 'əgər siz', 'əgər işəgötürən', 'əgər işverən'],
    ru: ['если вас', 'если вам', 'если ваш', 'если у вас', 'если вы', 'если работодатель', 'если ваша', 'если ваши', '~ваш паспорт'],
    en: ['if your', 'if you are', 'if you were', 'if someone', 'if this happens', 'were you', 'are you being', 'do you owe'],
    tr: ['~işvereniniz', 'eğer size', 'eğer sizi', 'mi aldınız'],
  },
  // Institutions that write reports and run campaigns.
  institution: {
    az: ['daxili işlər', 'dim', 'bmqt', 'qht', 'ombudsman', 'miqrasiya xidməti', 'nazirlik tərəfindən'],
    ru: ['=мом', '=обсе', '=нпо', '~органы опеки', 'органов опеки', '~миграционн служб', '~омбудсмен'],
    en: ['iom', 'osce', 'unodc', 'ngo', 'interior ministry', 'labour inspectors', 'border guards', 'anti trafficking police'],
    tr: ['göç idaresi', 'emniyet', 'jandarma', 'aile bakanlığı', 'stk'],
  },
  // Teaching material: modules, exercises, participants, case studies.
  training: {
    az: ['təlim', 'iştirakçılar', 'seminar', 'əlamətlərini', 'nümunələr üzərində', '=şagirdlər', 'müzakirə üçün', '~məktəblilər', '=tapşırıq', 'sosial işçilər'],
    ru: ['~тренинг', '~семинар', '~участник', '~индикатор', '~модул', 'разбирают случаи', '=ученики', 'классный час', 'для обсуждения', '=задание'],
    en: ['module', 'exercise', 'participants', 'case study', 'seminar', 'indicators', 'how to spot', 'ngo staff', '=students', 'lesson', 'for discussion', 'grades'],
    tr: ['eğitim', 'katılımcılar', 'göstergeler', 'seminer', 'kolluk personeli', '=öğrenciler', 'ders planı', 'tartışma vakası', '=sınıf'],
  },
  // A caller's account: hotline notes are first-party even in the third person.
  caller: {
    // An operator's note is first-party whoever it speaks of: "Hotline note: a mother says…".
    az: ['zəng edən', 'zəng edir', 'vətəndaş bildirdi', 'bildirir ki', 'abunəçi', '=soruşur', '=soruşdu', 'qaynar xətt qeydi'],
    // Exact forms: "звонок" is as often "the call is free". Not "просит": advice says a stranger
    // "просит ничего не говорить" as often as a note says a caller asks (genre dev set 3).
    ru: ['=звонит', '=звонила', '=звонил', '~позвонил', '~звонивш', 'абонент', 'сообщила о', 'сообщает:', '=спрашивает', 'запись горячей линии'],
    en: ['caller', 'calls', 'asks about', 'reports that', 'reports a', '=asked', 'hotline note', 'man says', 'woman says'],
    tr: ['arayan', 'aradı', '=soruyor', '=sordu', '=bildirdi', 'yardım hattı notu'],
  },
  // The writer speaking of themselves.
  first_person: {
    az: ['=mən', '=men', '=məni', '=mənim', '=mənimki', '=bizimki', '=mənə', '~bacım', '~qardaşım', '~qızım', '~oğlum', '~atam', '~anam', '~ərim', '~pasportum', '~telefonum', 'istəyirəm', 'bilmirəm', 'qorxuram', '=işləyirik', '=işləyirəm', '=yatırıq', '=ana', 'anacan'],
    ru: ['=я', '=мне', '=меня', '=мой', '=моя', '=мою', '=мы', '=нас', '=нам', '=мам', '=мама'],
    // Not "our": its spelling skeleton is that of "your", the mark of advice to the reader.
    en: ['=me', '=us', '=mum', 'i m', 'i want', 'i was', 'i have', 'i am', 'i don t', 'i can t', 'i haven t', 'i worked'],
    tr: ['=ben', '=beni', '=benim', '=benimki', '=bizimki', '=bana', '~babam', '~annem', '~ablam', '~abim', '~kızım', '~oğlum', '~kocam', '=biz', '=bizi', '=anne', 'kardeşim', 'kuzenim'],
  },
  // An offer addressed to the reader: write, call, apply, wanted.
  offer: {
    az: ['yazın', 'zəng edin', 'lazımdır', 'tələb olunur', 'axtarılır', '=götürülür', 'müraciət', 'maraqlanan'],
    ru: ['~пишите', '~требуют', '~ищем', '~набира', '~приглашаем', '~обращайтесь'],
    en: ['wanted', 'needed', 'hiring', '=apply', 'contact', 'message me', 'dm', 'seeking'],
    tr: ['yazın', 'aranıyor', 'alınacak', 'alınacaktır', 'başvur', '=arıyoruz'],
  },
  // The writer asking for help for themselves or their own: "please help", "что делать", "nə edim".
  // Exact forms where a stem would take a report's verb ("помогает") or advice ("посоветуйтесь").
  plea: {
    az: ['kömək edin', 'xahiş edirəm', '=nə edim', '=nə edək', 'nə etməliyəm', 'nə etməliyik', 'kimə müraciət edim', 'kömək lazımdır'],
    ru: ['=помогите', '=что делать', '=что мне делать', '=что нам делать', '=подскажите', '=посоветуйте', 'не знаю что делать', 'не знаю к кому'],
    en: ['please help', 'help me', 'help us', 'help pls', 'pls help', 'what do i do', 'what can i do', 'what should i do', 'what do we do', 'what should we do', 'need advice', 'anyone know', 'someone help', 'who to ask', 'don t know what to do'],
    tr: ['yardım edin', 'lütfen yardım', '=ne yapayım', 'ne yapmalıyım', 'ne yapmalıyız', 'ne yapacağımı bilmiyorum', 'kime gideceğimi'],
  },
  // The form of a publication named in its frame: a press release, an FAQ, a poster, a slide, a
  // lesson, "myth and fact", an interview, an opinion column. Items do not name their form.
  form: {
    az: ['mətbuat açıqlaması', 'mətbuat xidməti', 'tez tez verilən suallar', 'sual cavab', '=slayd', 'vebinar', 'infoqrafika', 'bülleten', 'təlim materialı', 'rəy yazısı', '=mif', '=fakt', '=dərs', 'müsahibə', '=cavab'],
    ru: ['пресс релиз', 'пресс служба', 'вопрос ответ', 'часто задаваемые', '~слайд', '~вебинар', '~инфографик', '=мнение', '~бюллетен', '=колонка', '=миф', '=факт', '=урок', '~интервью', '=ответ'],
    en: ['press release', 'faq', '=q', '=slide', 'webinar', 'infographic', 'forum thread', 'opinion', 'bulletin', 'fact sheet', '=myth', '=fact', 'lesson plan', 'teachers guide', 'long read', 'interview'],
    tr: ['basın bülteni', 'basın açıklaması', 'sıkça sorulan', 'slayt', 'webinar', 'infografik', 'bülten', 'eğitim sunumu', '=efsane', 'röportaj', 'dosya haber', '~rehberlik etkinli', '=cevap'],
  },
  // The news named as news ("the article", "xəbərlərdə"): victims quoting the news say it too.
  media: {
    az: ['xəbərlərdə', 'xəbəri', 'məqalə', 'verilişə', 'televizorda', 'reportaj'],
    ru: ['~новост', '=статью', '=статья', '=статьи', '~сюжет', 'по телевизору'],
    en: ['news', 'article', 'story', 'read about', 'on tv', 'reported'],
    tr: ['haberi', 'haberlerde', 'haberde', 'makale', 'televizyonda'],
  },
  // A recruiter's reassurance: "not a scam", "everything is legal". Awareness texts warn; ads reassure.
  reassure: {
    az: ['fırıldaq deyil', 'hər şey qanunidir', 'hər şey qanuni', 'polisdən qorxmayın', 'narahat olmayın', 'bizə güvənin'],
    ru: ['не развод', 'все законно', 'всё законно', 'полиции не бойтесь', 'не переживайте', 'нам можно доверять'],
    en: ['not a scam', 'we are legit', 'everything is legal', 'don t worry', 'dont worry', 'trust us', 'we are registered', 'we are the real'],
    tr: ['dolandırıcılık değil', 'her şey yasal', 'merak etmeyin', 'bize güvenin'],
  },
  // People talking about the news ("did you see…"): a chat, not the news itself.
  chat: {
    az: ['=gördün', '=eşitdin'],
    ru: ['=видел', '=видела', '=слышал', '=слышала', '=прикинь'],
    en: ['did you see', 'did u see', 'did you hear', 'have you seen'],
    tr: ['=duydun mu', '=gördün mü', '=okudun mu'],
  },
};

/**
 * Every kind of cue, in the order of the weights file: the features of the judgement. `statistics`,
 * `hashtag` and `list` are read from the original text by expression, the others from the word lists.
 */
export const GENRE_KINDS: readonly string[] = [
  'report', 'topic', 'advice', 'reader_if', 'institution', 'training', 'statistics', 'caller', 'first_person', 'offer',
  'plea', 'form', 'media', 'reassure', 'chat', 'hashtag', 'list', 'quoted',
];
/** At most this many cues of a kind count: a long report repeats "police" without being more of a report. */
export const GENRE_CAPS: Readonly<Record<string, number>> = {
  report: 4, topic: 2, advice: 3, reader_if: 2, institution: 2, training: 2, caller: 1, first_person: 3, offer: 2,
  plea: 2, form: 2, media: 1, reassure: 1, chat: 1, statistics: 2, hashtag: 2, list: 3, quoted: 1,
};

/**
 * The judgement's weights as data: `about = sigmoid(bias + Σ weight × min(count, cap))`, judged
 * about when `about ≥ cut`. `source` says whether they were set by hand or written by
 * `npm run fit:genre -- --write` (genre-fit.ts: a logistic regression fitted on the genre dev sets
 * and the synthetic training split). A kind at weight 0 is a candidate for a fit: its cues are
 * counted for fitting but not shown, since they did not lead to the judgement.
 */
export const GenreWeightsFile = z.object({
  version: z.literal(1),
  source: z.enum(['hand', 'fit']),
  kinds: z.array(z.string()),
  weights: z.record(z.string(), z.number()),
  bias: z.number(),
  cut: z.number().gt(0).lt(1),
  note: z.string(),
  fit: z.record(z.string(), z.unknown()),
});
export type GenreWeightsFile = z.infer<typeof GenreWeightsFile>;
export const GENRE_WEIGHTS_PATH = new URL('../../data/screening/genre-weights.json', import.meta.url);

export interface GenreWeights {
  /** Weight per kind, in the order of GENRE_KINDS. */
  weights: Float64Array;
  bias: number;
  cut: number;
  /** Whether any kind has weight 0 (its cues are then left out of the result). */
  silent: boolean;
}

export function genreWeightsFrom(f: GenreWeightsFile): GenreWeights {
  if (f.kinds.join() !== GENRE_KINDS.join()) throw new Error('data/screening/genre-weights.json does not match the genre cue kinds: run npm run fit:genre');
  const weights = Float64Array.from(GENRE_KINDS, (k) => f.weights[k] ?? 0);
  return { weights, bias: f.bias, cut: f.cut, silent: weights.includes(0) };
}

let loadedWeights: GenreWeights | undefined;
/** The committed weights, read once per process. */
export function genreWeights(): GenreWeights {
  loadedWeights ??= genreWeightsFrom(GenreWeightsFile.parse(JSON.parse(fs.readFileSync(GENRE_WEIGHTS_PATH, 'utf8'))));
  return loadedWeights;
}

// Counts per text in a reused array indexed by kind number: the sum reads arrays, not names.
const KIND_INDEX = new Map(GENRE_KINDS.map((k, i) => [k, i]));
const KIND_CAPS = GENRE_KINDS.map((k) => GENRE_CAPS[k]!);
const STATISTICS_KIND = KIND_INDEX.get('statistics')!;
const HASHTAG_KIND = KIND_INDEX.get('hashtag')!;
const LIST_KIND = KIND_INDEX.get('list')!;
const QUOTED_KIND = KIND_INDEX.get('quoted')!;
const counts = new Int32Array(GENRE_KINDS.length);

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
/**
 * Single quotation marks ('…', ‘…’), as British-style news quotes: opened after a space or a line's
 * start and closed before a space or punctuation, so an apostrophe inside ("don't", Latin-typed
 * Russian "pol'zu") neither opens nor closes one.
 */
const SINGLE_QUOTED = /(?<=^|[\s(])['‘][^'‘’\n]{10,400}?['’](?=[\s.,;:!?)—–-]|$)/g;
const HAS_SINGLE_QUOTE = /(?:^|[\s(])['‘]/;
/** Figures of a report: a share ("14%", "yüzde 60", "40 процентов") or a year of record ("в 2024 году", "2025-ci ildə", "in 2025"). */
const STATISTICS = /\d+(?:[.,]\d+)?\s?%|yüzde\s?\d+|\d+\s?(?:процент|faiz)|(?<!\d)(?:19|20)\d\d(?!\d)(?:-?(?:ci|cı|cu|cü))?\s?(?:il|год|yıl)|\bin (?:19|20)\d\d\b/giu;
const HAS_QUOTE = /[«"“„]/;
/**
 * The question of an FAQ ("Q: My employer keeps my passport…", "Sual:", "Вопрос:", "Soru:"): a
 * reader quoted, not the writer. Tried only at the text's start and after each new line (sticky).
 */
const FAQ_QUESTION = /[ \t]*(?:Q|Question|Sual|Вопрос|В|Soru)[ \t]*[:.][^\n]*/iuy;
function faqQuestions(original: string, quoted: [number, number][]) {
  for (let i = 0; i >= 0 && i < original.length; i = original.indexOf('\n', i) + 1 || -1) {
    FAQ_QUESTION.lastIndex = i;
    const m = FAQ_QUESTION.exec(original);
    if (m) quoted.push([i + m[0].length - m[0].trimStart().length, i + m[0].length]);
  }
}
/** A campaign's hashtag ("#EndTrafficking", "#МояИстория"). */
const HASHTAG = /#[\p{L}\p{N}_]{2,}/gu;
/** A checklist: a line opening with a bullet, a pictograph (✅, 📄) or "1." / "1)"; an inline "2)"; a red flag 🚩 anywhere. */
const LIST_ITEM = /(?:^|\n)[ \t]*(?:[-–•*▪►➤]|\p{Extended_Pictographic}|\d{1,2}[.)](?=\s))|(?<=\s)\d[)](?=\s)|🚩/gu;
const MAY_HOLD_LIST = /[\n)🚩]/u;
const LIST_BULLETS = new Set([...'-–•*▪►➤'].map((c) => c.charCodeAt(0)));
const PICTOGRAPHIC_FIRST = /^\p{Extended_Pictographic}/u;

/**
 * Whether LIST_ITEM can match at all, by one scan of character codes: a red flag, a digit before
 * ")", or a line (the text's first or one after "\n") whose first character after spaces and tabs
 * is a bullet, a digit or a pictograph. A superset of its matches; the expression then decides.
 * Most texts with a new line start every line with a word.
 */
function mayHoldListItem(text: string): boolean {
  if (text.includes('🚩')) return true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 41 && i > 0 && isDigit(text.charCodeAt(i - 1))) return true;
    if (i > 0 && text.charCodeAt(i - 1) !== 10) continue;
    let j = i;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 9)) j++;
    const d = text.charCodeAt(j);
    if (LIST_BULLETS.has(d) || isDigit(d) || (d >= 0xa9 && PICTOGRAPHIC_FIRST.test(text.slice(j, j + 2)))) return true;
  }
  return false;
}
const code = (c: string) => c.charCodeAt(0);
const [ZERO, ONE, TWO, NINE, PERCENT, U_SMALL, U_CAPITAL] = ['0', '1', '2', '9', '%', 'ü', 'Ü'].map(code) as [number, number, number, number, number, number, number];
/** First letters of "процент" and "faiz" in either case (no other character folds to them). */
const [PE_SMALL, PE_CAPITAL, F_SMALL, F_CAPITAL] = ['п', 'П', 'f', 'F'].map(code) as [number, number, number, number];
const isDigit = (c: number) => c >= ZERO && c <= NINE;
const isUnitFirst = (c: number) => c === PE_SMALL || c === PE_CAPITAL || c === F_SMALL || c === F_CAPITAL;

/**
 * Whether STATISTICS can match at all, by one scan of character codes: every alternative needs a
 * digit and one of "%", ü ("yüzde"), a year 19xx/20xx, or a digit with п/f ("процент", "faiz") within
 * two characters after it. A superset of its matches; the regex then decides. Most texts with a
 * digit (prices, phone numbers) are ruled out here, and the expression is costly to try at every
 * position.
 */
function mayHoldStatistics(text: string): boolean {
  let digit = false;
  let other = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === PERCENT || c === U_SMALL || c === U_CAPITAL) other = true;
    else if (isDigit(c)) {
      digit = true;
      const next = text.charCodeAt(i + 1);
      if (((c === ONE && next === NINE) || (c === TWO && next === ZERO)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))) other = true;
      if (isUnitFirst(next) || isUnitFirst(text.charCodeAt(i + 2))) other = true;
    }
    if (digit && other) return true;
  }
  return false;
}
const noTokenAt = () => 0;
/** "ya" (Russian "I" typed in Latin letters) shares its skeleton with the English article "a". */
const NOT_FIRST_PERSON = new Set(['a']);
/**
 * Words of other languages that share a first-person word's spelling skeleton, as written: English
 * "been" (Turkish "ben"), the Turkish question particle "mi" (Russian "мы" typed "my").
 */
const NOT_FIRST_PERSON_AS_WRITTEN = new Set(['been', 'mi', 'mı', 'mu', 'mü', 'mısın', 'misin']);
/** English "men" is Azerbaijani "mən" typed without ə: in an English text it is not the writer. */
const ENGLISH_TEXT = /\b(?:the|and|was|were|has|have|with|from|their|they|will|who)\b/gi;
const isEnglish = (original: string) => (original.match(ENGLISH_TEXT)?.length ?? 0) >= 3;
const APOSTROPHES = new Set(["'", '’', 'ʼ', '`']);

/**
 * A prohibition to the reader, the form of advice: Azerbaijani and Turkish -mayın/-məyin/-meyin
 * ("verməyin", "ödemeyin", "inanmayın"; "-meyiniz"), Russian не + a polite imperative ("не платите",
 * "не отдавайте", "ne soglashaytes'"). Ads prohibit too, but other things: "don't miss", "don't
 * hesitate", "don't delay", "don't worry", "don't call, write": those verbs are left out.
 */
const AD_PROHIBITIONS = [
  'kacir', 'gec', 'teredut', 'lengi', 'itir', 'narahat', 'endise', 'merak', 'gozle', 'bekle', 'subhe', 'suphe', 'korh', 'kork',
  'упуст', 'пропуст', 'отклад', 'стесня', 'пережива', 'беспоко', 'волну', 'бойт', 'звони', 'медли', 'теря', 'опозда', 'жди', 'тяни', 'сомнева',
  'upust', 'propust', 'otklad', 'stesn', 'perejiv', 'bespoko', 'volnu', 'boit', 'zvoni', 'medli', 'teria', 'opozda', 'jdi', 'somneva',
];
const NE = new Set(['не', 'ne']);
function isProhibition(tok: readonly string[], i: number): boolean {
  const t = tok[i]!;
  const last = t.charCodeAt(t.length - 1);
  // -n, -z (Azerbaijani, Turkish); -е, -ь, -e, -s (Russian -те, -тесь): most tokens stop here.
  if (last !== 110 && last !== 122 && last !== 0x435 && last !== 0x44c && last !== 101 && last !== 115) return false;
  const prev = tok[i - 1];
  if (prev !== undefined && NE.has(prev)) {
    // Russian: не + -те/-тесь (normalised: Cyrillic as written, Latin spelling skeleton).
    if (!/(?:те|тесь|te|tes)$/.test(t) || t.length < 5) return false;
  } else if (t.length < 7 || !(t.endsWith('main') || t.endsWith('mein') || t.endsWith('mainiz') || t.endsWith('meiniz'))) return false;
  // The verb or the word before it ("narahat olmayın", "merak etmeyin") is an ad's or a reassurance.
  return !AD_PROHIBITIONS.some((w) => t.startsWith(w) || (prev !== undefined && prev.startsWith(w)));
}
const HOTLINES = new Set(['152', '157']);
/** Whether a hotline number stands within two tokens before or after tokens t0..t1. */
function nearHotline(tok: readonly string[], t0: number, t1: number): boolean {
  for (let k = Math.max(0, t0 - 2); k <= Math.min(tok.length - 1, t1 + 2); k++) if (HOTLINES.has(tok[k]!)) return true;
  return false;
}
const ADVICE_KIND = GENRE_KINDS.indexOf('advice');
const READER_IF_KIND = GENRE_KINDS.indexOf('reader_if');
/**
 * The reader's own past, asked or assumed, in the perfect of the formal or plural "you" in
 * Azerbaijani and Turkish (-mısınız/-misiniz, normalised "qalmısınız" → "kalmisiniz"): "Stranded
 * abroad without papers?" An ad promises the reader a future ("qazanacaqsınız") or describes the
 * present ("təhvil verirsiniz"). The simple past ("kaldınız") is left out: its skeleton is that of
 * a noun with "your" ("pasportunuz").
 */
const READER_PAST = /^[a-z]{3,}m[iu]s(?:iniz|unuz)$/;
const FIRST_PERSON_KIND = GENRE_KINDS.indexOf('first_person');


/** Every cue of a text, and the capped count per kind (order of GENRE_KINDS): the judgement's features. */
export function genreCues(n: Normalised, original: string): { counts: number[]; cues: GenreCue[] } {
  const cues = collect(n, original);
  return { counts: Array.from(counts, (c, k) => Math.min(c, KIND_CAPS[k]!)), cues };
}

/** The genre judgement, with every cue that led to it. */
export function judgeGenre(n: Normalised, original: string, w: GenreWeights = genreWeights()): Genre {
  const cues = collect(n, original);
  let z = w.bias;
  for (let k = 0; k < GENRE_KINDS.length; k++) z += w.weights[k]! * Math.min(counts[k]!, KIND_CAPS[k]!);
  const about = 1 / (1 + Math.exp(-z));
  const shown = w.silent ? cues.filter((c) => w.weights[KIND_INDEX.get(c.kind)!] !== 0) : cues;
  return { genre: about >= w.cut ? 'about' : 'first_party', about, cues: shown };
}

/** Fills `counts` and returns the cues, each with its original span. */
function collect(n: Normalised, original: string): GenreCue[] {
  ix ??= buildIndex(GENRE_CUES);
  const { tok, at } = tokens(n.text);
  const hits = slotHits(n.text, undefined, noTokenAt, ix, NONE);
  // The regular expressions need a character most texts lack: a quotation mark, a digit, '#', a new line.
  const quoted: [number, number][] = HAS_QUOTE.test(original) ? [...original.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length]) : [];
  if (HAS_SINGLE_QUOTE.test(original)) for (const m of original.matchAll(SINGLE_QUOTED)) quoted.push([m.index, m.index + m[0].length]);
  faqQuestions(original, quoted);
  counts.fill(0);
  const cues: GenreCue[] = [];
  const seen = new Set<number>();
  // Quotations that hold someone's first-person words: a person quoted by a report, a campaign or an FAQ.
  let speaking: Set<number> | undefined;
  for (const h of hits) {
    const nStart = at[h.t0]!;
    const nEnd = at[h.t1]! + tok[h.t1]!.length;
    const { start, end } = toOriginal(n, nStart, nEnd);
    if (h.slot === 'first_person') {
      // Quoted first-person words are a victim quoted in a report, not the writer.
      const q = quoted.findIndex(([a, b]) => start >= a && end <= b);
      if (q >= 0) {
        (speaking ??= new Set()).add(q);
        continue;
      }
      if (h.t0 === h.t1 && NOT_FIRST_PERSON.has(tok[h.t0]!)) continue;
      const written = original.slice(start, end).toLowerCase();
      if (NOT_FIRST_PERSON_AS_WRITTEN.has(written) || (written === 'men' && isEnglish(original))) continue;
      // The rest of a word cut at an apostrophe ("pis'mennyy"), not a word of its own.
      if (start > 0 && APOSTROPHES.has(original[start - 1]!)) continue;
    }
    // "Call 152", "152-yə zəng edin", "contact 157": the anti-trafficking hotline's number right before
    // or after the verb makes it advice, not an ad's "call us".
    if (h.slot === 'offer' && nearHotline(tok, h.t0, h.t1)) continue;
    const kind = KIND_INDEX.get(h.slot)!;
    const key = h.t0 * GENRE_KINDS.length + kind;
    if (seen.has(key)) continue;
    seen.add(key);
    counts[kind] = counts[kind]! + 1;
    cues.push({ kind: h.slot, start, end, text: original.slice(start, end) });
  }
  let english: boolean | undefined;
  for (let i = 0; i < tok.length; i++) {
    if (tok[i] === 'i') {
      // English "I": its skeleton is also Russian "и" (and) typed in Latin letters, so it counts
      // when written as a capital or in an English text; not inside quotation marks.
      const { start, end } = toOriginal(n, at[i]!, at[i]! + 1);
      const written = original.slice(start, end);
      const key = i * GENRE_KINDS.length + FIRST_PERSON_KIND;
      if ((written === 'I' || (written === 'i' && (english ??= isEnglish(original)))) && !seen.has(key) && !quoted.some(([a, b]) => start >= a && end <= b)) {
        seen.add(key);
        counts[FIRST_PERSON_KIND] = counts[FIRST_PERSON_KIND]! + 1;
        cues.push({ kind: 'first_person', start, end, text: written });
      }
      continue;
    }
    if (tok[i]!.length >= 8 && (tok[i]!.endsWith('iniz') || tok[i]!.endsWith('unuz')) && READER_PAST.test(tok[i]!)) {
      const key = i * GENRE_KINDS.length + READER_IF_KIND;
      if (!seen.has(key)) {
        seen.add(key);
        counts[READER_IF_KIND] = counts[READER_IF_KIND]! + 1;
        const { start, end } = toOriginal(n, at[i]!, at[i]! + tok[i]!.length);
        cues.push({ kind: 'reader_if', start, end, text: original.slice(start, end) });
      }
      continue;
    }
    if (!isProhibition(tok, i)) continue;
    const first = NE.has(tok[i - 1] ?? '') ? i - 1 : i;
    const { start, end } = toOriginal(n, at[first]!, at[i]! + tok[i]!.length);
    // Not again where a listed advice cue already holds the word ("heç kimə verməyin").
    if (cues.some((c) => c.kind === 'advice' && c.start < end && start < c.end)) continue;
    counts[ADVICE_KIND] = counts[ADVICE_KIND]! + 1;
    cues.push({ kind: 'advice', start, end, text: original.slice(start, end) });
  }
  if (speaking) {
    for (const q of speaking) {
      const [start, end] = quoted[q]!;
      counts[QUOTED_KIND] = counts[QUOTED_KIND]! + 1;
      cues.push({ kind: 'quoted', start, end, text: original.slice(start, end) });
    }
  }
  if (mayHoldStatistics(original)) addMatches(original, STATISTICS, STATISTICS_KIND, 'statistics', cues);
  if (original.includes('#')) addMatches(original, HASHTAG, HASHTAG_KIND, 'hashtag', cues);
  if (MAY_HOLD_LIST.test(original) && mayHoldListItem(original)) addMatches(original, LIST_ITEM, LIST_KIND, 'list', cues);
  return cues;
}

function addMatches(original: string, re: RegExp, kind: number, name: string, cues: GenreCue[]) {
  for (const m of original.matchAll(re)) {
    counts[kind] = counts[kind]! + 1;
    const text = m[0].replace(/^\n?[ \t]*/, '');
    const start = m.index + m[0].length - text.length;
    cues.push({ kind: name, start, end: start + text.length, text });
  }
}
