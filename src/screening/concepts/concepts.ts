// Concepts: synonym sets per language ("slots") and the indicator rules built from them.
// Written from the ILO forced-labour indicators, the ILO/EC Delphi operational indicators, UNODC's
// lists and Polaris' typology, and from how ads, chats and calls are worded (../shared/seeds/).
//
// Entry syntax: a word in any form is reduced to its stem (stem.ts) and matches every token that
// starts with that stem; "~stem" is taken as written; "=word" must be the whole token; "!word"
// counts only when negated ("не отдаёт", "vermir"); several words must follow each other.
// Russian entries also match their Latin spellings. Azerbaijani Cyrillic text is read as Latin.
import type { Cue } from '../indicators.ts';
import type { SynLang } from './stem.ts';

type Slot = Partial<Record<SynLang, string[]>>;

export const SYNONYMS: Record<string, Slot> = {
  // documents
  PASSPORT: {
    az: ['pasport', 'sənəd', 'vəsiqə', 'şəxsiyyət vəsiqəsi'],
    ru: ['паспорт', 'документ', '~загранпаспорт', '~удостоверени'],
    en: ['passport', 'documents', '=papers', '=id', 'id card'],
    tr: ['pasaport', 'kimlik', 'belgeler', '~evrak'],
  },
  TAKE: {
    az: ['götür', 'aldılar', 'aldı', 'alıb', 'alıblar', 'alınıb', 'alınır', 'alırlar', 'alacaq', 'alıram', 'saxlayır', 'saxlayırlar', 'saxlanılır', 'saxlayıb', 'əlimdən', 'əlindən', 'əllərindən', 'əlimizdən', '~seyf', 'müsadirə', 'yığıb'],
    ru: ['~забр', '~забер', '~забир', '~отобр', '~отбир', '~отним', '~отня', '~изъя', '~изым', 'держит', 'держат', 'держал', '~удерж', 'хранятся', '~сейф', '~конфиск', '~присвои'],
    en: ['took', 'taken', 'takes away', 'confiscated', 'keeps', 'kept', 'holds', 'holding', 'held', 'seized', 'retain', 'locked away', 'safe'],
    tr: ['aldılar', 'aldı', 'almışlar', 'alındı', 'alınmış', 'alıyorlar', 'el koy', 'el konul', 'tutuyor', 'tutuyorlar', 'tuttu', 'kasada', 'saklıyor', 'elimden', 'elinden'],
  },
  HANDOVER: {
    az: ['təhvil', 'verirsiniz', 'verəcəksiniz', 'verməlisiniz', 'verirsən', 'verirsiz', 'verilir', 'tapşırırsınız'],
    ru: ['~сда', '~сдаё', 'отдаете', 'отдаёте', 'отдать', 'передаете', 'передать', 'оставляете'],
    en: ['hand over', 'handed over', 'hand in', 'handed', 'give your passport', 'surrender', 'leave your passport', 'deposited'],
    tr: ['teslim', 'veriyorsunuz', 'vereceksiniz', 'bırakıyorsunuz'],
  },
  EMPLOYER: {
    az: ['işəgötürən', 'işverən', 'müdir', 'patron', 'sahibkar', 'bригадир', 'brigadir', 'agent', 'şirkət', 'firma', 'ev sahibi', 'xozeyin'],
    ru: ['работодател', '~хозя', '~начальник', '~бригадир', '~шеф', '~босс', '~агент', '~фирм', '~компани', '~менеджер', '~вербовщик', '~прораб', '~директор'],
    en: ['employer', 'boss', 'owner', 'manager', 'agent', 'recruiter', 'company', 'foreman', 'supervisor', 'sponsor'],
    tr: ['işveren', 'patron', 'müdür', 'ajans', 'acente', 'aracı', 'firma', 'şirket', 'ustabaşı', 'sahibi'],
  },
  GIVE_BACK: {
    az: ['!ver', '!qaytar', '!geri ver'],
    ru: ['!отда', '!верн', '!возвращ'],
    en: ['!give it back', '!give back', '!return', '!gave it back', '!give them back'],
    tr: ['!ver', '!iade', '!geri ver'],
  },
  // travel
  TRAVEL_ITEM: {
    az: ['bilet', 'viza', 'yol', 'uçuş', 'uçaq', 'mənzil', 'yaşayış', 'yataqxana', 'yatacaq', 'qalmaq yeri', 'yol-bilet', 'ev'],
    ru: ['билет', 'виз', '~перел', '~дорог', '~проезд', '~жиль', '~жилье', '~прожив', '~квартир', '~общежит', '~авиабилет'],
    en: ['ticket', 'flight', 'visa', 'travel', 'accommodation', 'housing', 'flat', 'room and board', 'journey', 'airfare'],
    tr: ['bilet', 'vize', 'uçak', 'uçuş', 'yol', 'konaklama', 'ev', 'yurt', 'oda'],
  },
  PROVIDED: {
    az: ['bizdən', 'pulsuz', 'hesabımıza', 'hesabına', 'ödəyirik', 'ödənilir', 'veririk', 'alırıq', 'şirkətdən', 'təmin', 'düzəldirik', 'edirik', 'bizdədir', 'işəgötürəndən'],
    ru: ['за наш сч', 'за счет', 'за счёт', '~бесплатн', '~оплачива', '~оплатим', '~оплачен', '~оформим', '~оформля', '~оформляем', 'берем на себя', 'берём на себя', '~предоставля', '~сделаем', '~покупаем', '~купим', '~обеспечива'],
    en: ['on us', 'free', 'covered', 'paid', 'we pay', 'we cover', 'we arrange', 'arranged', 'included', 'provided', 'employer-paid', 'at our expense'],
    tr: ['bizden', 'ücretsiz', 'bedava', 'firmadan', 'karşılıyoruz', 'karşılanır', 'ödüyoruz', 'alıyoruz', 'sağlanır', 'dahil', 'işverenden'],
  },
  // pay and offers
  HIGH: {
    az: ['yüksək', 'böyük', 'çox', 'əla', 'yaxşı'],
    ru: ['~высок', '~больш', '~хорош', '~отличн', '~огромн', '~достойн'],
    en: ['high', 'great', 'big', 'huge', 'well-paid', 'good', 'excellent'],
    tr: ['yüksek', 'büyük', 'iyi', 'çok'],
  },
  PAYMENT: {
    az: ['maaş', 'gəlir', 'qazanc', 'pul', 'ödəniş', 'əmək haqqı', 'gonorar'],
    ru: ['~зарплат', '~зп', '~доход', '~заработ', '~деньг', '~оплат', '~гонорар', '~платят', '~плат'],
    en: ['salary', 'pay', 'wage', 'income', 'earnings', 'money', 'earn'],
    tr: ['maaş', 'kazanç', 'para', 'gelir', 'ücret'],
  },
  EASY: {
    az: ['asan', 'yüngül', 'rahat', 'tez'],
    ru: ['~легк', '~лёгк', '~прост', '~быстр'],
    en: ['easy', 'quick', 'fast'],
    tr: ['kolay', 'rahat', 'hızlı'],
  },
  REQUIREMENT: {
    az: ['təcrübə', 'dil', 'sənəd', 'bilmək', 'bacarıq', 'təhsil', 'sertifikat'],
    ru: ['~опыт', '~язык', '~документ', '~знани', '~умет', '~навык', '~образован'],
    en: ['experience', 'english', 'language', 'skills', 'qualification', 'licence', 'license', 'documents'],
    tr: ['tecrübe', 'deneyim', 'dil', 'beceri', 'bilme', 'sertifika', 'belge'],
  },
  NOT_NEEDED: {
    az: ['tələb olunmur', 'lazım deyil', 'vacib deyil', 'şərt deyil', 'istəmirik', 'istənmir', 'tələb etmirik', 'olmasa da olar', 'heç nə', 'lazım olmur'],
    ru: ['не нужен', 'не нужно', 'не нужна', 'не нужны', 'не требуется', 'не обязательн', 'не обязателен', 'не надо', 'без', 'ничего'],
    en: ['no', 'not required', 'not needed', 'not necessary', 'without', 'don t need', 'nothing', 'needed no', 'required no'],
    tr: ['gerek yok', 'gerekmez', 'şart değil', 'istenmez', 'aranmaz', 'gerekmiyor', 'hiçbir'],
  },
  GUARANTEE: {
    az: ['zəmanətli', 'zəmanət', 'qarantiya', 'mütləq'],
    ru: ['~гарант'],
    en: ['guaranteed', 'guarantee'],
    tr: ['garantili', 'garanti'],
  },
  JOB: {
    az: ['iş', 'işə', 'vakansiya', 'işi'],
    ru: ['~работ', '~ваканси', '~заработ', '~вахт'],
    en: ['job', 'work', 'jobs', 'employment', 'position'],
    tr: ['iş', 'işi', 'eleman', 'çalışma'],
  },
  ABROAD: {
    az: ['xaricdə', 'xaricə', 'xarici', 'avropa', 'dubay', 'türkiyə', 'rusiya', 'əmirlik'],
    ru: ['~за границ', '~за рубеж', '~европ', '~дуба', '~турци', '~эмират'],
    en: ['abroad', 'overseas', 'europe', 'dubai', 'gulf', 'emirates'],
    tr: ['yurtdışı', 'yurt dışı', 'avrupa', 'dubai', 'körfez'],
  },
  // fees
  FEE: {
    az: ['beh', 'behi', 'haqqı', 'qeydiyyat pulu', 'viza pulu', 'sənəd pulu', 'depozit', 'ilkin ödəniş', 'komissiya'],
    ru: ['~предоплат', '~взнос', '~залог', '~сбор', 'плата за', 'оплата за оформление', '~комисси', 'за оформление', '~депозит'],
    en: ['fee', 'deposit', 'upfront', 'up front', 'processing fee', 'registration fee', 'advance payment'],
    tr: ['ücreti', 'dosya ücreti', 'kapora', 'depozito', 'peşin', 'komisyon', 'ön ödeme'],
  },
  PAY_VERB: {
    az: ['ödəyin', 'ödəyirsiniz', 'ödəməlisiniz', 'köçürün', 'köçürürsünüz', 'köçür', 'ödəyib', 'ödəmişəm', 'göndərin'],
    ru: ['~оплатит', '~оплати', '~переведит', '~перевест', '~перевел', '~заплат', '~внест', '~внесит'],
    en: ['pay', 'paid', 'transfer', 'send money', 'wire'],
    tr: ['yatırılır', 'yatırın', 'ödeyin', 'ödemiş', 'gönderin', 'yatır'],
  },
  BEFORE: {
    az: ['əvvəlcədən', 'qabaqcadan', 'əvvəl', 'əvvəlcə', 'öncədən', 'ilkin'],
    ru: ['~вперед', '~вперёд', '~сначала', '~заранее', '~предварительн', '~сразу'],
    en: ['upfront', 'in advance', 'first', 'before', 'beforehand', 'one-time'],
    tr: ['peşin', 'önce', 'önceden', 'öncelikle'],
  },
  PURPOSE_DOCS: {
    az: ['viza', 'sənədləşmə', 'qeydiyyat', 'sənəd', 'agent', 'agentə'],
    ru: ['~виз', '~регистрац', '~оформлени', '~агент', '~документ'],
    en: ['visa', 'registration', 'paperwork', 'processing', 'agent', 'place'],
    tr: ['vize', 'kayıt', 'dosya', 'acente', 'evrak'],
  },
  // pressure and contact
  URGENT: {
    az: ['təcili', 'tələsin', 'tez olun', 'yerlər az', 'son yerlər', 'yer qalıb', 'son gün', 'vaxt azdır', 'son qəbul', 'sabah uçuş', 'gələn həftə', 'yeriniz qalmasın', 'bu həftə'],
    ru: ['~срочн', '~торопит', '~успейт', 'последних', 'последние места', 'мест мало', 'осталось мало', 'только сегодня', 'вылет завтра', 'вылет в', 'мест осталось', 'места ограничены'],
    en: ['asap', 'urgent', 'hurry', 'last places', 'few spots', 'spots left', 'places left', 'this week', 'tomorrow', 'limited places', 'leaving this week', 'departure'],
    tr: ['acele', 'acil', 'kontenjan', 'son yer', 'yarın uçuş', 'bu hafta', 'hemen'],
  },
  ONLY: {
    az: ['yalnız', 'ancaq', 'təkcə'],
    ru: ['~только', 'лишь'],
    en: ['only', 'just'],
    tr: ['sadece', 'yalnızca', 'yalnız'],
  },
  MESSENGER: {
    az: ['whatsapp', 'vatsap', 'vatsapda', 'telegram', 'teleqram', 'direkt', 'direktə', 'şəxsi', 'mesaj'],
    ru: ['~ватсап', '~вотсап', '~вацап', '~телеграм', '~телеграмм', '~директ', '~личк', '=лс', '~личн сообщ', '~вайбер'],
    en: ['whatsapp', 'telegram', 'viber', 'dm', 'private', 'privately', 'inbox', 'direct message'],
    tr: ['whatsapp', 'telegram', 'özel', 'özelden', 'dm', 'mesaj'],
  },
  DM: {
    az: ['direktə yazın', 'directə yazın', 'şəxsi mesajda', 'şəxsiyə yazın', 'dm yazın', 'direktə', 'direkte', 'şəxsi mesaja'],
    ru: ['в личку', 'в лс', 'в директ', 'в личные сообщения', 'в личных сообщениях', 'в личке', 'в директе', 'в ватсап', 'в телеграм'],
    en: ['dm me', 'in dm', 'message me privately', 'private message', 'in private', 'in the dm', 'inbox me'],
    tr: ['özelden yazın', 'özelden', 'dm den', 'dm’den', 'dmden'],
  },
  DONT_CALL: {
    az: ['zəng etməyin', 'zəng qəbul etmirəm', 'zəng etmə'],
    ru: ['не звонить', 'не звоните', 'звонки не принимаю', 'на звонки не отвечаю', 'без звонков'],
    en: ['don t call', 'do not call', 'no calls', 'text only'],
    tr: ['telefon açmayın', 'aramayın', 'arama yapmayın'],
  },
  // control
  DEBT: {
    az: ['borc', 'borclu', 'borcun', 'borcunu', 'borcumuz'],
    ru: ['~долг', '=должен', '=должна', '=должны', '~задолж', 'отработать', 'отработаешь', 'отработает', 'отрабатывать'],
    en: ['debt', 'owe', 'owes', 'owed', 'work it off', 'work off'],
    tr: ['borç', 'borcu', 'borcunu', 'borçlu'],
  },
  DEDUCT: {
    az: ['tutulur', 'tutulacaq', 'çıxılır', 'çıxırlar', 'kəsilir', 'kəsirlər', 'hesaba yazılır', 'borc yazmışıq'],
    ru: ['~вычит', '~вычт', 'в счет', 'в счёт', '~удерживают'],
    en: ['deducted', 'deduct', 'taken out of', 'comes out of'],
    tr: ['kesiliyor', 'kesilir', 'kesilecek', 'hesaba yazılır', 'düşülür'],
  },
  WAGE: {
    az: ['maaş', 'maaşdan', 'maaşınızdan', 'əmək haqqı', 'pul'],
    ru: ['~зарплат', '~зп', '~заработн', '~получк'],
    en: ['wages', 'wage', 'salary', 'pay', 'money'],
    tr: ['maaş', 'maaşınızdan', 'ücret', 'para'],
  },
  CONFINE: {
    az: ['qoymurlar', 'qoymur', 'buraxmırlar', 'buraxmır', 'bağlayırlar', 'bağlayır', 'bağlı', 'kilidləyir', 'çıxarılmır', 'çıxa bilmirik', 'çıxa bilmirəm', 'icazə vermirlər', 'mühafizəçi', 'gözətçi', 'buraxmayacaqlar', 'saxlayırlar', 'saxlanılan', 'saxlanılır'],
    ru: ['не выпускают', 'не выпускает', 'не отпускают', 'не отпускает', '~запира', '~закрыва', '~взаперт', '~охран', 'нельзя выходить', 'держат в', 'удерживал', '~удерживали', 'не дают выйти', 'не разрешают выходить', 'выйти боюсь', 'держат взаперти'],
    en: ['not allowed', 'won t let', 'don t let', 'does not let', 'doesn t let', 'lock us', 'locked in', 'lock me', 'locked up', 'guard', 'can t leave', 'kept in', 'held on', 'held in', 'confined'],
    tr: ['izin vermiyor', 'izin vermiyorlar', 'bırakmıyorlar', 'bırakmıyor', 'kilitliyorlar', 'kilitli', 'bekçi', 'alıkoy', 'alıkonul', 'tutuluyor', 'çıkamıyoruz', 'dışarı çıkarmıyorlar', 'çıkmasına izin'],
  },
  GO_OUT: {
    az: ['çölə', 'evdən', 'bayıra', 'heç yerə', 'çıxmağa', 'çıxmaq'],
    ru: ['~выход', '~выйт', 'на улицу', 'из дома', 'из квартиры'],
    en: ['leave', 'go out', 'outside', 'out of the house'],
    tr: ['dışarı', 'evden', 'çıkmasına', 'çıkmamıza'],
  },
  PHONE: {
    az: ['telefon', 'telefonum', 'telefonunu', 'mobil'],
    ru: ['~телефон', '~мобильн', '~сотов'],
    en: ['phone', 'mobile'],
    tr: ['telefon', 'telefonumu', 'telefonu'],
  },
  NO_CONTACT: {
    az: ['danışa bilmirəm', 'danışmağa qoymur', 'əlaqə saxlaya bilmirəm', 'gizli', 'gizlincə', 'başqasının telefonundan', 'heç kimi tanımıram', 'heç kimi tanımır', 'əlaqə yoxdur'],
    ru: ['никого не знаю', 'никого не знает', 'с чужого', 'не знаю где я', 'лишали связи', 'лишены связи', 'без связи', 'не дают звонить', 'не дают общаться', 'тайком', 'шепотом', 'шёпотом'],
    en: ['know nobody', 'don t know anyone', 'someone else s', 'cut off from', 'don t know where i am', 'not allowed to call', 'no contact', 'whispering', 'secretly', 'knows nobody'],
    tr: ['kimseyi tanımıyor', 'kimseyi tanımıyorum', 'başkasının telefonundan', 'nerede olduğumu bilmiyorum', 'görüşmeleri engellen', 'gizlice', 'fısıltıyla', 'komşunun telefonundan'],
  },
  THREAT: {
    az: ['hədələ', 'hədə', 'döyəcəklər', 'döyürlər', 'döyür', 'döydülər', 'öldürəcəklər', 'zərər verərik', 'zərər verəcəklər', 'şəkilləri', 'polisə verəcəklər', 'qorxudurlar', 'zor'],
    ru: ['~угрож', '~угроз', '~грозит', '~запугива', '~изобь', '~избива', '~бьют', '~побои', '~избил', 'найдут', 'расскажут', 'пришлют фото', 'сдать в миграционную', '~убьют', '~насили'],
    en: ['threat', 'threaten', 'beat', 'beaten', 'hurt', 'kill', 'intimidated', 'send the photos', 'report him', 'report her', 'report me', 'violence', 'hit us'],
    tr: ['tehdit', 'döv', 'döverler', 'döveceklerini', 'öldür', 'fotoğrafları', 'ihbar etmek', 'zarar ver', 'şiddet'],
  },
  // work
  NOT_PAY: {
    az: ['!ver', '!ödə', '!köçür'],
    ru: ['!плат', '!выплач', '!выплат', '!дали', '!заплат', '!получа'],
    en: ['!paid', '!pay', '!been paid'],
    tr: ['!öde', '!ver'],
  },
  NOT_PAID: {
    az: ['bir qəpik', 'qəpik də', 'heç nə vermədilər', 'pul yoxdur', 'maaşını mənimsə', 'mənimsəy', 'maaşın yarısını'],
    ru: ['ни копейки', 'копейки', 'денег нет', '~кинули', 'не выплачива', 'не выплатил', '~присваива'],
    en: ['not a penny', 'no money', 'almost nothing', 'unpaid', 'never paid', 'withheld'],
    tr: ['tek kuruş', 'kuruş vermedi', 'para yok', 'neredeyse hiç', 'ödemiyor', 'ödemeyen'],
  },
  LONG_DAY: {
    az: ['istirahət günü yoxdur', 'istirahət yoxdur', 'gecə 12', 'gecə yarısı', 'gecə-gündüz', 'səhər 5', 'səhər 6'],
    ru: ['без выходных', 'выходных нет', 'до полуночи', 'с 5 утра', 'с 6 утра', 'день и ночь', 'круглосуточно'],
    en: ['no day off', 'no days off', 'till midnight', 'until midnight', 'day and night', 'from 5am', 'from 6am', 'without a day off'],
    tr: ['izin yok', 'gece yarısına', 'sabah 5', 'sabah 6', 'gece gündüz', 'izin günü yok'],
  },
  BAD_LIVING: {
    az: ['yerdə yatırıq', 'yerdə yatırlar', 'yerdə yatmaq', 'bir otaqda', 'vaqonda', 'konteynerdə', 'zirzəmidə', 'yeməksiz', 'ac qalırıq', 'pis şəraitdə', 'antisanitar'],
    ru: ['спим на полу', 'на полу', '~вагончик', '~подвал', '~антисанитар', 'раз в день', 'без еды', 'голода', 'в одной комнате'],
    en: ['on the floor', 'basement', 'trailer', 'squalid', 'one meal', 'no food', 'crowded', 'sleep on', 'sleeping on'],
    tr: ['yerde yatıyoruz', 'yerde yatmak', 'bodrumda', 'konteynerde', 'bir öğün', 'kötü koşullarda', 'yemeksiz'],
  },
  // who and what
  WOMEN: {
    az: ['qız', 'qızlar', 'xanım', 'xanımlar', 'qadın', 'gəlin'],
    ru: ['~девушк', '~девочк', '~женщин', '~дам', '~барышн', '~танцовщиц', '~невест'],
    en: ['girls', 'ladies', 'women', 'woman', 'girl', 'female'],
    tr: ['bayan', 'bayanlar', 'kız', 'kızlar', 'kadın', 'hanım'],
  },
  YOUNG_LOOKS: {
    az: ['gənc', 'gözəl', 'xoş simalı', 'subay', 'cavan', 'boylu'],
    ru: ['~молод', 'приятной внешности', '~красив', '~симпатичн', '~стройн', 'без вредных привычек', '~незамужн'],
    en: ['young', 'attractive', 'beautiful', 'pretty', 'single', 'slim', 'modest'],
    tr: ['genç', 'güzel', 'bekar', 'alımlı', 'hoş'],
  },
  WANTED: {
    az: ['lazımdır', 'tələb olunur', 'axtarılır', 'axtarırıq', 'götürülür', 'dəvət', 'iş', 'işi', 'istəyən', 'vakansiya', 'model', 'ofisiant'],
    ru: ['~требуют', '~нужн', '~ищем', '~приглаша', '~набор', '~работ', '~ваканси', '~модел'],
    en: ['wanted', 'needed', 'seeking', 'looking for', 'hiring', 'job', 'work', 'modelling', 'model'],
    tr: ['aranıyor', 'alınacak', 'alınacaktır', 'arıyoruz', 'iş', 'işi', 'eleman', 'modellik'],
  },
  SEX_ROLE: {
    az: ['rəqqasə', 'klub', 'gecə klubu', 'masaj', 'müştəri', 'kişilərlə', 'əxlaqsızlıq', 'fahişə', 'eskort', 'hostes', 'vip'],
    ru: ['~хостес', '~танцовщ', '~стриптиз', '~эскорт', '~массаж', 'ночной клуб', 'ночной клу', '~клиент', 'с мужчинами', '~проститу', '~интим', '=vip', '~досуг', 'встречи с'],
    en: ['hostess', 'hostesses', 'dancer', 'dancers', 'escort', 'massage', 'night club', 'nightclub', 'lounge', 'clients', 'meet men', 'vip', 'prostitution'],
    tr: ['hostes', 'dansçı', 'konsomatris', 'gece kulübü', 'masaj', 'müşteri', 'erkeklerle', 'fuhuş', 'fuhşa', 'eskort', 'vip'],
  },
  MARRY: {
    az: ['ərə', 'evlən', 'ailə qurmaq', 'ailə qur', 'bəy', 'bəylər', 'gəlin', 'nikah', 'nişanla', 'toy'],
    ru: ['~жених', '~невест', '~замуж', '~брак', '~брачн', '~жен', '~свадьб', '~сват'],
    en: ['groom', 'grooms', 'bride', 'brides', 'marry', 'married', 'marriage', 'wife', 'husband'],
    tr: ['damat', 'evlen', 'evlilik', 'eş', 'gelin', 'nikah', 'koca'],
  },
  RICH_FOREIGN: {
    az: ['varlı', 'zəngin', 'xarici', 'xaricdə', 'xaricə', 'ərəb', 'türkiyə', 'iran', 'tanımadığı', 'təşkil'],
    ru: ['~богат', '~обеспеч', '~состоятельн', '~иностран', '~эмират', '~турци', '~организуем', '~из другой страны', '~познаком'],
    en: ['rich', 'wealthy', 'foreign', 'abroad', 'gulf', 'from abroad', 'arrange', 'arranged'],
    tr: ['zengin', 'varlıklı', 'körfez', 'yurtdışından', 'ayarlıyoruz', 'masrafları'],
  },
  MARRIED_OFF: {
    az: ['ərə verdilər', 'ərə vermək', 'ərə verirlər', 'nişanlayıb', 'erkən nikah', 'ərə ver'],
    ru: ['выдают замуж', 'выдать замуж', 'выдали замуж', 'ранний брак', 'ранний брак'],
    en: ['married off', 'marry off', 'marrying off', 'child marriage', 'early marriage'],
    tr: ['evlendirilecek', 'evlendirmek', 'evlendirilmek', 'çocuk evliliği', 'erken yaşta evlilik'],
  },
  CHILD: {
    az: ['uşaq', 'uşaqlar', 'azyaşlı', 'şagird', 'yetkinlik yaşına çatmayan', 'məktəbli'],
    ru: ['~ребен', '~ребён', '~дет', '~несовершеннолет', '~ученик', '~ученица', '~школьн', '~подрост', '~малолет'],
    en: ['child', 'children', 'kid', 'kids', 'minor', 'pupil', 'under 18', 'teenager', 'schoolgirl'],
    tr: ['çocuk', 'çocuklar', 'çocukları', 'öğrenci', 'reşit olmayan', 'küçük'],
  },
  BEG: {
    az: ['dilən', 'dilənçi', 'dilənir', 'dilənmək', 'pul yığır', 'pul istəyir'],
    ru: ['~попрошайн', '~попрошайнич', '~милостын', 'просить деньги', 'просят денег', '~побира'],
    en: ['begging', 'beg', 'beggar', 'ask for money', 'asking for money'],
    tr: ['dilen', 'dileniyor', 'dilendir', 'para istet', 'dilenci'],
  },
  IRREGULAR: {
    az: ['turist vizası', 'turist kimi', 'qeydiyyatsız', 'sənədsiz', 'icazəsiz', 'qanunsuz', 'iş icazəsi lazım deyil', 'heç kim soruşmur'],
    ru: ['~туристическ', '~нелегал', 'без документов', 'без регистрации', 'без разрешения', '~незаконно', 'разрешения нет'],
    en: ['tourist visa', 'without papers', 'no permits', 'no permit', 'illegally', 'undocumented', 'nobody checks', 'without a permit'],
    tr: ['turist vizesi', 'turist vizesiyle', 'kaçak', 'izinsiz', 'iznimiz yok', 'yasa dışı', 'kimse sormuyor'],
  },
  // the writer's own voice
  VICTIM: {
    az: ['kömək edin', 'kömək edə', 'kömək istəyir', 'xilas edin', 'çıxarın', 'evə qayıtmaq', 'qayıtmaq istəyirəm', 'aldadıldıq', 'aldatdılar', 'aldadılmışıq', 'aldatdı', 'qorxuram', 'nə edim', 'bilmirəm nə', 'aldadılıb'],
    ru: ['~помогит', 'помочь вернуться', 'хочу домой', '~обманул', '~обманут', 'страшно', 'боюсь', 'что делать', 'кинули', 'спасите', '~обмануты'],
    en: ['please help', 'help me', 'help us', 'want to go home', 'come home', 'lied to', 'scammed', 'deceived', 'i m scared', 'scared', 'what can i do', 'what do i do', 'tricked'],
    tr: ['yardım edin', 'kurtarın', 'eve dönmek', 'kandırıldım', 'kandırıldık', 'kandırıldığını', 'dolandırıldık', 'korkuyorum', 'ne yapmalıyım', 'yardım istiyor'],
  },
};

/** Slots whose words carry their own negation or none ("не нужен", "no experience"): never cancelled. */
export const UNNEGATED_SLOTS = new Set(['NOT_NEEDED', 'PASSPORT', 'EMPLOYER', 'REQUIREMENT', 'TRAVEL_ITEM', 'WOMEN', 'CHILD', 'PHONE', 'WAGE', 'JOB', 'ABROAD', 'PURPOSE_DOCS', 'MARRY', 'GO_OUT', 'ONLY', 'MESSENGER', 'PAYMENT', 'HIGH', 'EASY']);

/** Indicator rules: each is a list of slots (alternatives joined by "|") that must all be found together. */
const RULE_TEXT: [Cue, string[]][] = [
  ['document_retention', ['PASSPORT TAKE', 'PASSPORT HANDOVER EMPLOYER', 'PASSPORT GIVE_BACK']],
  ['recruiter_pays_travel', ['TRAVEL_ITEM PROVIDED']],
  ['deceptive_offer', ['HIGH PAYMENT', 'EASY PAYMENT|JOB', 'REQUIREMENT NOT_NEEDED', 'GUARANTEE PAYMENT|JOB', '#big_pay']],
  ['advance_fee', ['FEE', 'PAY_VERB BEFORE', 'PAY_VERB PURPOSE_DOCS']],
  ['urgency_pressure', ['URGENT']],
  ['contact_only_messenger', ['ONLY MESSENGER', 'DM', 'DONT_CALL']],
  ['debt', ['DEBT', 'DEDUCT WAGE|TRAVEL_ITEM', 'TRAVEL_ITEM DEDUCT']],
  ['restricted_movement', ['CONFINE']],
  ['isolation', ['PHONE TAKE', 'NO_CONTACT']],
  ['threats_violence', ['THREAT']],
  ['withheld_wages', ['NOT_PAY WAGE|PAYMENT', 'NOT_PAID']],
  ['excessive_hours', ['#long_hours', 'LONG_DAY']],
  ['abusive_conditions', ['BAD_LIVING']],
  ['targets_young_women', ['WOMEN #young_age', 'WOMEN YOUNG_LOOKS', 'WOMEN WANTED']],
  ['sexualised_role', ['SEX_ROLE']],
  ['marriage_offer', ['MARRY RICH_FOREIGN', 'MARRIED_OFF']],
  ['minor', ['CHILD', '#child_age']],
  ['forced_begging', ['BEG']],
  ['irregular_migration', ['IRREGULAR']],
  ['victim_voice', ['VICTIM']],
];

export const RULES: [Cue, string[][][]][] = RULE_TEXT.map(([cue, rules]) => [cue, rules.map((r) => r.split(' ').map((s) => s.split('|')))]);

for (const [, rules] of RULES) {
  for (const slot of rules.flat(2)) if (!slot.startsWith('#') && !(slot in SYNONYMS)) throw new Error(`concept rule names an unknown slot ${slot}`);
}
