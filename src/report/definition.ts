// The annual report under Article 7.5 of the Law on Combating Trafficking in Persons: its sections,
// in the order the ministry prints them, with placeholders for figures.
//   {id}       the value and its change: "91 (-3)"
//   {=id}      the value alone
//   {id#key}   one part of the breakdown, with its change
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
    blocks: [{ kind: 'narrative', id: 'legislation', label: { az: 'Qanunvericilik və Milli Fəaliyyət Planı', en: 'Legislation and the National Action Plan' } }],
  },
  {
    id: 'international',
    title: { az: '2. Beynəlxalq əməkdaşlıq', en: '2. International cooperation' },
    blocks: [{ kind: 'narrative', id: 'international', label: { az: 'Beynəlxalq əməkdaşlıq', en: 'International cooperation' } }],
  },
  {
    id: 'forced_labour',
    title: { az: '3. Məcburi əməyin qarşısının alınması', en: '3. Prevention of forced labour' },
    blocks: [{ kind: 'narrative', id: 'forced_labour', label: { az: 'Məcburi əmək', en: 'Forced labour' } }],
  },
  {
    id: 'victims',
    title: { az: '4. Cinayət təqibi və qurbanlarla iş', en: '4. Criminal prosecution and work with victims' },
    blocks: [
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
      if (b.kind === 'text') for (const lang of ['az', 'en'] as const) for (const m of b.text[lang].matchAll(/\{=?([a-z0-9_.]+)(?:#[^}]+)?\}/g)) ids.add(m[1] as string);
      if (b.kind === 'table') ids.add(b.figure);
    }
  }
  return [...ids].sort();
}
