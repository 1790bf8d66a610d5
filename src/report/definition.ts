// The annual report under Article 7.5 of the Law on Combating Trafficking in Persons: its sections,
// in the order the ministry prints them, with placeholders for figures.
//   {id}       the value and its change: "91 (-3)"
//   {=id}      the value alone
//   {id#key}   one part of the breakdown, with its change
//   {~id}      the figure's categories (ISO countries) as names
import type { ChartId } from './charts.ts';

export type Lang = 'az' | 'en';
export type Text = Record<Lang, string>;

export type Block =
  | { kind: 'text'; text: Text }
  | { kind: 'narrative'; id: string; label: Text }
  | { kind: 'chart'; chart: ChartId }
  | { kind: 'table'; figure: string; caption: Text; keyLabel: Text };

export interface Section {
  id: string;
  title: Text;
  blocks: Block[];
}

export const TITLE: Record<Lang, (year: number) => string> = {
  az: (y) => `İnsan alverinə qarşı mübarizə sahəsində ${y}-cü ildə görülmüş işlər barədə hesabat`,
  en: (y) => `Report on the work done in ${y} to combat trafficking in human beings`,
};

export const SUBTITLE: Text = {
  az: '"İnsan alverinə qarşı mübarizə haqqında" Qanunun 7.5-ci maddəsinə əsasən',
  en: 'Under Article 7.5 of the Law on Combating Trafficking in Persons',
};

export const SECTIONS: Section[] = [
  {
    id: 'prevention',
    title: { az: '1. Qanunvericilik və qabaqlayıcı tədbirlər', en: '1. Legislation and prevention' },
    blocks: [
      { kind: 'narrative', id: 'legislation', label: { az: 'Qanunvericilik və Milli Fəaliyyət Planı', en: 'Legislation and the National Action Plan' } },
      {
        kind: 'text',
        text: {
          az: 'Daxili İşlər Nazirliyi {prevention.booklets.mia} maarifləndirici buklet və vərəqə yaymış, Nazirliyin əməkdaşları {prevention.tv_interviews.mia} müsahibə vermiş, rəsmi saytda {prevention.website_updates.mia} məlumat yerləşdirilmişdir. Mədəniyyət Nazirliyi {prevention.culture_events} maarifləndirici tədbir keçirmişdir.',
          en: 'The Ministry of Internal Affairs distributed {prevention.booklets.mia} awareness booklets and leaflets; its staff gave {prevention.tv_interviews.mia} interviews and posted {prevention.website_updates.mia} items on its website. The Ministry of Culture held {prevention.culture_events} awareness events.',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Təlimlərdə {training.judges} hakim, {training.barristers} vəkil, ədliyyə, məhkəmə və prokurorluq orqanlarına {training.justice_candidates} namizəd, {training.school_psychologists} məktəb psixoloqu, {training.tour_operators} turoperator, {training.hotels_agencies} otel və turizm agentliyinin nümayəndəsi və ASAN xidmətin {training.asan_volunteers} könüllüsü iştirak etmişdir; {training.police.virtual} polis əməkdaşı virtual təlim keçmişdir.',
          en: 'Trainings were attended by {training.judges} judges, {training.barristers} barristers, {training.justice_candidates} candidates for the justice, judicial and prosecution authorities, {training.school_psychologists} school psychologists, {training.tour_operators} tour operators, representatives of {training.hotels_agencies} hotels and travel agencies and {training.asan_volunteers} ASAN volunteers; {training.police.virtual} police officers attended virtual classes.',
        },
      },
      {
        kind: 'text',
        text: {
          az: '{prevention.early_marriages_curbed} erkən nikahın qarşısı alınmış, {prevention.birth_registrations} doğum qeydə alınmışdır (o cümlədən əvvəlki illərdən qeydə alınmamış {prevention.birth_registrations.previously_unregistered}). QHT-lərin {funding.ngo_projects.count} layihəsi cəmi {funding.ngo_projects.azn} manat məbləğində maliyyələşdirilmiş, qurbanların sosial reabilitasiyasına {funding.victim_rehabilitation.azn} manat ayrılmışdır.',
          en: '{prevention.early_marriages_curbed} early marriages were prevented and {prevention.birth_registrations} births registered (including {prevention.birth_registrations.previously_unregistered} unregistered from earlier years). {funding.ngo_projects.count} NGO projects were funded with AZN {funding.ngo_projects.azn} in all, and AZN {funding.victim_rehabilitation.azn} was allocated to the social rehabilitation of victims.',
        },
      },
    ],
  },
  {
    id: 'international',
    title: { az: '2. Beynəlxalq əməkdaşlıq', en: '2. International cooperation' },
    blocks: [
      { kind: 'narrative', id: 'international', label: { az: 'Beynəlxalq əməkdaşlıq', en: 'International cooperation' } },
      {
        kind: 'text',
        text: {
          az: 'Əməkdaşlar beynəlxalq tədbirlərdə {=events.participation} dəfə iştirak etmişdir: {=events.participation#physical} əyani, {=events.participation#online} onlayn; {=events.participation#abroad} tədbir xaricdə, {=events.participation#in_country} tədbir ölkə daxilində keçirilmişdir.',
          en: 'Officers took part in international events {=events.participation} times: {=events.participation#physical} in person and {=events.participation#online} online; {=events.participation#abroad} events were held abroad and {=events.participation#in_country} in the country.',
        },
      },
      { kind: 'chart', chart: 'events_participation' },
    ],
  },
  {
    id: 'forced_labour',
    title: { az: '3. Məcburi əməyin qarşısının alınması', en: '3. Prevention of forced labour' },
    blocks: [
      { kind: 'narrative', id: 'forced_labour', label: { az: 'Məcburi əmək', en: 'Forced labour' } },
      {
        kind: 'text',
        text: {
          az: 'Dövlət Əmək Müfəttişliyi {labour.inspectorate.uncontracted} əmək müqaviləsiz işləmə halı aşkar etmiş, cəmi {labour.inspectorate.fines_azn} manat cərimə tətbiq edilmişdir. Tikinti obyektlərində aparılan {labour.site_inspections.sites} yoxlamada {labour.site_inspections.uncontracted} nəfərin müqaviləsiz işlədiyi aşkar edilmişdir. Əcnəbilərə {labour.work_permits.issued} iş icazəsi verilmiş, {labour.work_permits.extended} icazənin müddəti uzadılmışdır. {labour.forced_labour_cases} məcburi əmək faktı üzrə {labour.forced_labour_criminal_cases} cinayət işi başlanmışdır.',
          en: 'The State Labour Inspectorate found {labour.inspectorate.uncontracted} cases of uncontracted employment and imposed fines of AZN {labour.inspectorate.fines_azn} in all. Inspections of {labour.site_inspections.sites} construction sites found {labour.site_inspections.uncontracted} people working without contracts. Foreign nationals were issued {labour.work_permits.issued} work permits and {labour.work_permits.extended} were extended. {labour.forced_labour_cases} cases of forced labour led to {labour.forced_labour_criminal_cases} criminal cases.',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Küçədə yaşamağa məcbur olan {street_children.identified} yetkinlik yaşına çatmayan müəyyən edilmiş, onları buna təhrik edən {street_children.parents_handled} valideynə qarşı tədbirlər görülmüşdür. {migration.channels_revealed} qanunsuz miqrasiya kanalı aşkar edilmişdir.',
          en: '{street_children.identified} minors forced to live in the street were found, and {street_children.parents_handled} parents who pushed them there were dealt with. {migration.channels_revealed} illegal migration channels were uncovered.',
        },
      },
    ],
  },
  {
    id: 'victims',
    title: { az: '4. Cinayət təqibi və qurbanlarla iş', en: '4. Criminal prosecution and work with victims' },
    blocks: [
      {
        kind: 'text',
        text: {
          az: 'Hesabat ilində {crimes.trafficking} insan alveri, {crimes.forced_labour} məcburi əmək və insan alveri məqsədilə {crimes.document_forgery} sənəd saxtalaşdırılması faktı aşkar edilmişdir. {cases.initiated} cinayət işi başlanmış, {defendants.charged} nəfər ({=defendants.charged#female} qadın, {=defendants.charged#male} kişi) təqsirləndirilən şəxs qismində cəlb edilmişdir.',
          en: 'In the reporting year {crimes.trafficking} facts of trafficking in persons, {crimes.forced_labour} of forced labour and {crimes.document_forgery} of document forgery for the purpose of trafficking were uncovered. {cases.initiated} criminal cases were initiated and {defendants.charged} persons ({=defendants.charged#female} women, {=defendants.charged#male} men) were charged.',
        },
      },
      {
        kind: 'text',
        text: {
          az: '{cases.investigation_completed} cinayət işinin (o cümlədən əvvəlki illərdə başlanmış {=cases.investigation_completed.from_previous_years}) istintaqı başa çatdırılmış, {defendants.sent_to_court} nəfər ({=defendants.sent_to_court#female} qadın, {=defendants.sent_to_court#male} kişi) barəsində iş məhkəməyə göndərilmişdir. {defendants.convicted} insan alverçisi məhkum edilmişdir.',
          en: 'The investigation of {cases.investigation_completed} criminal cases was completed (including {=cases.investigation_completed.from_previous_years} opened in earlier years), and {defendants.sent_to_court} persons ({=defendants.sent_to_court#female} women, {=defendants.sent_to_court#male} men) were sent to court. {defendants.convicted} traffickers were convicted.',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Ölkə daxilində {wanted.local} şübhəli axtarışda olmuşdur: insan alveri üzrə {wanted.local#trafficking}, fahişəliyə cəlb etmə üzrə {wanted.local#solicitation_of_prostitution}, əxlaqsızlıq yuvası saxlama üzrə {wanted.local#brothel}; onlardan {wanted.local.detained} nəfəri, o cümlədən insan alverində şübhəli bilinən {wanted.local.detained.trafficking} nəfər saxlanılmışdır. İnsan alverində şübhəli bilinən {wanted.interpol} nəfər İnterpol xətti ilə axtarılır ({~wanted.interpol.hiding_countries}).',
          en: '{wanted.local} suspects were wanted in the country: {wanted.local#trafficking} for trafficking, {wanted.local#solicitation_of_prostitution} for involvement in prostitution and {wanted.local#brothel} for running brothels; {wanted.local.detained} of them were detained, including {wanted.local.detained.trafficking} trafficking suspects. {wanted.interpol} persons suspected of trafficking are sought through Interpol ({~wanted.interpol.hiding_countries}).',
        },
      },
      {
        kind: 'text',
        text: {
          az: '{online.facts} fakt informasiya texnologiyaları vasitəsilə (WhatsApp, TikTok, Instagram və Telegram sosial şəbəkələri) törədilmişdir; 144-1-ci maddə üzrə {online.cases.art_144_1}, 243.1-ci maddə üzrə {online.facts.art_243_1} fakt üzrə {online.cases.art_243_1} cinayət işi başlanmışdır.',
          en: '{online.facts} facts were committed by means of information technologies (WhatsApp, TikTok, Instagram and Telegram); {online.cases.art_144_1} criminal cases were opened under Article 144-1, and {online.cases.art_243_1} under Article 243.1 covering {online.facts.art_243_1} facts.',
        },
      },
      { kind: 'chart', chart: 'crimes_series' },
      { kind: 'chart', chart: 'crimes_by_article' },
      { kind: 'chart', chart: 'crimes_public_morality' },
      { kind: 'chart', chart: 'defendants_series' },
      { kind: 'chart', chart: 'defendants_by_sex' },
      { kind: 'chart', chart: 'sentences_by_type' },
      { kind: 'chart', chart: 'wanted_local' },
      { kind: 'chart', chart: 'online_by_platform' },
      {
        kind: 'text',
        text: {
          az: 'Hesabat ilində {victims.identified} nəfər insan alverinin qurbanı kimi müəyyən edilmişdir ({victims.identified#female} qadın, {victims.identified#male} kişi).',
          en: 'In the reporting year {victims.identified} persons were identified as victims of trafficking ({victims.identified#female} women, {victims.identified#male} men).',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Qurbanlardan {=victims.by_age#18-25} nəfəri 18–25, {=victims.by_age#25-35} nəfəri 25–35 yaşında, {=victims.by_age#35+} nəfəri isə 35 yaşdan yuxarı olmuşdur. {=victims.by_residence#capital} nəfər paytaxtda, {=victims.by_residence#other} nəfər digər şəhər və rayonlarda yaşamışdır.',
          en: 'Of the victims, {=victims.by_age#18-25} were aged 18–25, {=victims.by_age#25-35} were aged 25–35 and {=victims.by_age#35+} were older than 35. {=victims.by_residence#capital} lived in the capital and {=victims.by_residence#other} in other towns and districts.',
        },
      },
      { kind: 'table', figure: 'victims.by_country_of_exploitation', caption: { az: 'İstismar ölkəsinə görə qurbanlar', en: 'Victims by country of exploitation' }, keyLabel: { az: 'Ölkə', en: 'Country' } },
      {
        kind: 'text',
        text: {
          az: '{assistance.lump_sum_700} qurbana 700 manat məbləğində birdəfəlik müavinət verilmişdir. {assistance.shelter} nəfər Daxili İşlər Nazirliyinin sığınacağında yerləşdirilmiş, {reflection_period.granted} nəfərə sağalma və düşünmə üçün 30 günlük müddət verilmişdir.',
          en: 'The one-time allowance of AZN 700 was paid to {assistance.lump_sum_700} victims. {assistance.shelter} were placed in the shelter of the Ministry of Internal Affairs, and {reflection_period.granted} were given 30 days to recover and reflect.',
        },
      },
      {
        kind: 'text',
        text: {
          az: '{=assistance.vocational_training} qurban peşə kurslarına cəlb edilmiş, {=assistance.employment} nəfər işlə təmin olunmuş, {=assistance.id_documents} nəfərə şəxsiyyət vəsiqəsi alınmasında, {=assistance.social_aid} nəfərə ünvanlı sosial yardım alınmasında kömək göstərilmiş, {=assistance.family_reintegration} nəfər ailəsinə qaytarılmışdır. {=assistance.medical_treatment} qurbana tibbi müalicə, {=assistance.surgery} qurbana cərrahi əməliyyat, {=assistance.residence_permits} əcnəbi qurbana müvəqqəti yaşamaq icazəsi verilmişdir.',
          en: '{=assistance.vocational_training} victims were put on vocational courses, employment was found for {=assistance.employment}, {=assistance.id_documents} were helped to obtain identity documents, {=assistance.social_aid} to obtain targeted social aid, and {=assistance.family_reintegration} were returned to their families. {=assistance.medical_treatment} received medical treatment, {=assistance.surgery} surgery, and {=assistance.residence_permits} foreign victims temporary residence permits.',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Qeyri-hökumət təşkilatlarına {=referrals.ngo}, Sosial Xidmətlər Agentliyinə {=referrals.social_services_agency} qurban yönləndirilmişdir; Agentlik onlardan {=referrals.social_services_agency#psychological} nəfərə psixoloji, {=referrals.social_services_agency#medical} nəfərə tibbi yardım göstərmişdir. Fərdi müraciətlər əsasında müəyyən edilmiş {=potential_victims.supported} potensial qurbandan {=potential_victims.supported#legal} nəfərə hüquqi, {=potential_victims.supported#psychological} nəfərə psixoloji, {=potential_victims.supported#medical} nəfərə tibbi yardım göstərilmiş, {=potential_victims.supported#employment_agency} nəfər Dövlət Məşğulluq Agentliyinə yönləndirilmişdir.',
          en: '{=referrals.ngo} victims were referred to non-governmental organisations and {=referrals.social_services_agency} to the Social Services Agency, which gave {=referrals.social_services_agency#psychological} of them psychological and {=referrals.social_services_agency#medical} medical help. Of the {=potential_victims.supported} potential victims identified through individual alerts, {=potential_victims.supported#legal} received legal, {=potential_victims.supported#psychological} psychological and {=potential_victims.supported#medical} medical aid, and {=potential_victims.supported#employment_agency} were referred to the State Employment Agency.',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'İnsan alveri qurbanlarına Yardım Fondu hesabına {assistance.aid_fund.recipients} faktiki və potensial qurbana {assistance.aid_fund.amount_azn} manat məbləğində yardım göstərilmişdir. Vəkillər Kollegiyası {=legal_aid.bar.investigation} qurbana istintaq, {=legal_aid.bar.court} qurbana məhkəmə mərhələsində hüquqi yardım göstərmişdir (cəmi {=legal_aid.bar.total}).',
          en: 'From the Aid Fund for victims of trafficking, {assistance.aid_fund.recipients} actual and potential victims each received AZN {assistance.aid_fund.amount_azn}. The Bar Association gave legal aid to {=legal_aid.bar.investigation} victims during investigation and {=legal_aid.bar.court} in court ({=legal_aid.bar.total} in all).',
        },
      },
      {
        kind: 'text',
        text: {
          az: 'Qurbanların uşaqlarından {=victims_children.school_supplies} nəfəri məktəb ləvazimatı ilə təmin edilmiş, {=victims_children.preschool} nəfəri məktəbəqədər təhsilə cəlb olunmuş, {=victims_children.birth_certificates} nəfərə doğum haqqında şəhadətnamə verilmiş, {=victims_children.alimony} nəfər üçün aliment təşkil edilmişdir. "152" qaynar xəttinə {hotline.calls} müraciət daxil olmuşdur.',
          en: "Of the victims' children, {=victims_children.school_supplies} were given school supplies, {=victims_children.preschool} were placed in preschool education, {=victims_children.birth_certificates} received birth certificates and {=victims_children.alimony} had maintenance arranged. The 152 hotline received {hotline.calls} calls.",
        },
      },
      { kind: 'chart', chart: 'victims_series' },
      { kind: 'chart', chart: 'victims_by_sex' },
      { kind: 'chart', chart: 'victims_by_exploitation_year' },
      { kind: 'chart', chart: 'victims_by_country' },
      { kind: 'chart', chart: 'victims_by_citizenship' },
      { kind: 'chart', chart: 'victims_by_age' },
      { kind: 'chart', chart: 'victims_by_residence' },
      { kind: 'chart', chart: 'victims_by_region' },
    ],
  },
  {
    id: 'tasks',
    title: { az: '5. Qarşıda duran vəzifələr', en: '5. Outstanding tasks' },
    blocks: [{ kind: 'narrative', id: 'tasks', label: { az: 'Qarşıda duran vəzifələr', en: 'Outstanding tasks' } }],
  },
];

export const narrativeIds = SECTIONS.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'narrative' ? [b.id] : [])));

/** Every figure id the report's text and tables name. */
export function referencedFigures(): string[] {
  const ids = new Set<string>();
  for (const s of SECTIONS) {
    for (const b of s.blocks) {
      if (b.kind === 'text') for (const lang of ['az', 'en'] as const) for (const m of b.text[lang].matchAll(/\{[=~]?([a-z0-9_.]+)(?:#[^}]+)?\}/g)) ids.add(m[1] as string);
      if (b.kind === 'table') ids.add(b.figure);
    }
  }
  return [...ids].sort();
}
