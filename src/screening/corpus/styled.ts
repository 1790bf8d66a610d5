// Whole texts written by hand for training, in styles the phrase banks do not produce: one-line
// chats, long rambling notes, paraphrases, typos, mixed scripts, news that quotes a victim in the
// first person, advice phrased as questions, lawful ads that promise a free ticket. They are NOT
// taken from the independent evaluation set (data/screening/independent.jsonl), which no
// training code reads. Format: channel | label | indicators | lang | script | text.
import type { Indicator } from '../indicators.ts';
import type { Channel, ScreenLang } from '../schema.ts';

export interface StyledItem {
  channel: Channel;
  label: 0 | 1;
  indicators: Indicator[];
  lang: ScreenLang;
  script: 'Latn' | 'Cyrl';
  text: string;
}

const RAW = `
chat|1|document_retention,victim_voice|az|Latn|ay qiz sened-zad hamsini aparib mudir ozunde saxlayir, soruşanda qışqırır. bilmirem neyleyim
chat|1|restricted_movement|az|Latn|bizi hec yana buraxmirlar, magazaya bele tek gede bilmirem
chat|1|withheld_wages,debt|az|Latn|deyir hele ki yol xercini cixmamisan, maas yoxdu. 5 aydi bele
job_ad|1|deceptive_offer,recruiter_pays_travel,contact_only_messenger|az|Latn|Polşada alma yığımı. Gündəlik 80 avro, yol da yataq da bizim boynumuza. Ətraflı vatsapa yazın, zəng qəbul edilmir
social_post|1|marriage_offer,targets_young_women|az|Latn|Almaniyada yaşayan soydaşımız üçün 19-24 yaş arası ailəcanlı qız axtarırıq, toy-nişan xərci bəy tərəfdən
hotline_note|1|threats_violence,isolation|az|Latn|Zəng edənin dediyinə görə həyat yoldaşı Rusiyada işləyir, telefonu əlindən alıblar, şikayət etsə deportasiya edəcəkləri ilə qorxudurlar.
news|0|document_retention|az|Latn|"Pasportumu aldılar, qayıda bilmirdim" — Bakıda keçirilən məhkəmə prosesində zərərçəkmiş belə danışıb. Təqsirləndirilən şəxs həbs edilib.
awareness|0|advance_fee,deceptive_offer|az|Latn|Sizdən iş üçün əvvəlcədən pul istəyirlər? Çox yüksək maaş vəd edirlər? Dayanın və 152-yə zəng edin.
job_ad|0||az|Latn|Lisenziyalı şirkət Türkiyədə tikinti layihəsi üçün elektrik ustası axtarır. Bilet işəgötürəndən, müqavilə imzalanır, heç bir ödəniş tələb olunmur.
chat|0||az|Latn|pasportumun vaxti bitir, sabah asan xidmete gedecem yenilemeye
chat|1|document_retention,withheld_wages|ru|Cyrl|ну короче паспорта у прораба, денег не видели с марта
chat|1|restricted_movement,threats_violence|ru|Cyrl|тут забор и собаки, кто пытался уйти — вернули и побили
hotline_note|1|debt,excessive_hours,abusive_conditions|ru|Cyrl|Звонил мужчина, 30 лет, теплицы под Воронежем: смены по 15 часов, живут в бытовке ввосьмером, бригадир говорит, что долг за проезд ещё не закрыт.
job_ad|1|advance_fee,deceptive_offer,urgency_pressure|ru|Cyrl|Вахта в Норвегии на рыбе, 4000 евро. Бронь места — 200 манат сразу, группа набирается до пятницы.
social_post|1|sexualised_role,targets_young_women,contact_only_messenger|ru|Cyrl|Нужны симпатичные девочки для работы в караоке-баре в Дубае, общение с гостями, всё подробно в лс
news|0|restricted_movement,withheld_wages|ru|Cyrl|«Нас держали взаперти и не платили», — рассказала журналистам одна из освобождённых женщин. По делу задержаны трое.
awareness|0|document_retention|ru|Cyrl|Отдали паспорт «на оформление» и вам его не возвращают? Вы имеете право его забрать. Звоните на горячую линию.
job_ad|0||ru|Cyrl|Официальное трудоустройство в Германии, рабочая виза, авиабилет оплачивает работодатель, без оплаты со стороны кандидата. Лицензия агентства в открытом доступе.
chat|0||ru|Cyrl|я в Москве, работа норм, зарплату дали вовремя, в выходные поеду гулять
chat|1|document_retention,victim_voice|ru|Latn|pasport u nih, domoi ne otpuskaut, mama ia ne znaiu chto delat
job_ad|1|recruiter_pays_travel,irregular_migration|ru|Latn|Rabota v Germanii bez vizy, doroga besplatno, na meste vse ustroim
social_post|0||ru|Latn|kto letit v Stambul v pyatnicu? mogu peredat posylku
chat|1|withheld_wages,victim_voice|en|Latn|they keep saying next month for the pay, its been 4 months, I just want to go home
chat|1|document_retention|en|Latn|manager took everyones passports "for safekeeping" and wont hand them back
hotline_note|1|restricted_movement,isolation|en|Latn|Neighbour reports a young woman in the flat next door who never leaves; the man who lives there takes her phone when he goes out.
job_ad|1|deceptive_offer,recruiter_pays_travel,urgency_pressure|en|Latn|Babysitters for families in London!! 3000 GBP a month, we fly you over for free, interviews end Sunday
social_post|1|advance_fee,deceptive_offer|en|Latn|Canada work permit in 2 weeks 100% guaranteed, just a small processing deposit first
news|0|debt,threats_violence|en|Latn|"I owed them for the flight and they said they'd hurt my mother," one worker told reporters after the raid. Two recruiters were charged.
awareness|0|restricted_movement,document_retention|en|Latn|Can you leave your workplace when you want? Do you hold your own passport? If not, talk to us — free and confidential.
job_ad|0||en|Latn|Seasonal fruit pickers for UK farms under the official seasonal worker scheme. Visa sponsored, no recruitment fees charged, flights reimbursed after 8 weeks.
chat|0||en|Latn|flight booked, passport renewed, see you at the airport mum
chat|1|document_retention,restricted_movement|tr|Latn|pasaportlari patron aldi, kapi hep kilitli, disari cikamiyoz
chat|1|withheld_wages,debt|tr|Latn|maaş yok, diyor ki önce uçak parasını çıkaracaksın, bitmiyor bu borç
job_ad|1|targets_young_women,sexualised_role,deceptive_offer|tr|Latn|Bar hostesi bayanlar, 20-28 yaş, günlük 200 dolar + bahşiş, konaklama ücretsiz
hotline_note|1|minor,forced_begging|tr|Latn|Arayan kişi, 9-10 yaşlarındaki iki çocuğun her akşam trafik ışıklarında mendil sattırıldığını ve bir adamın paraları topladığını bildirdi.
news|0|sexualised_role,targets_young_women|tr|Latn|Jandarma, yabancı uyruklu genç kadınları eğlence mekânlarında çalıştıran çeteye operasyon düzenledi; 6 şüpheli tutuklandı.
awareness|0|deceptive_offer|tr|Latn|Sosyal medyada gördüğünüz 'yurt dışında kolay para' ilanına başvurmadan önce firmayı kontrol edin.
job_ad|0||tr|Latn|Belediye bünyesinde park bahçe işçisi alımı, SGK'lı, haftada iki gün izin, yol ve yemek firmadan.
chat|1|document_retention,withheld_wages|mixed|Latn|Salam qaqa, pasportlarimizi забрал хозяин, maas da vermir iki aydi
job_ad|1|recruiter_pays_travel,urgency_pressure,deceptive_offer|mixed|Latn|Dubayda iş, билет бесплатно, вылет завтра, maaş 2000$
hotline_note|1|restricted_movement,victim_voice|mixed|Latn|Zəng edən qız: они меня не выпускают, kömək edin, ünvanı bilmir.
news|0|document_retention|mixed|Latn|Polis: работодатель забирал паспорта, şəxs həbs olunub.
awareness|0|contact_only_messenger,advance_fee|mixed|Latn|Только WhatsApp и предоплата? Bu fırıldaqdır, 152-yə zəng edin.
social_post|0||mixed|Latn|Stambulda otel axtarıram, кто знает хороший недорогой?
`;

export const STYLED: StyledItem[] = RAW.trim()
  .split('\n')
  .map((line) => {
    const [channel, label, indicators, lang, script, ...text] = line.split('|');
    return {
      channel: channel as Channel,
      label: Number(label) as 0 | 1,
      indicators: indicators ? (indicators.split(',') as Indicator[]) : [],
      lang: lang as ScreenLang,
      script: script as 'Latn' | 'Cyrl',
      text: text.join('|'),
    };
  });
