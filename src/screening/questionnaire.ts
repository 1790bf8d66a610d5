// The first-responder questionnaire: a short structured interview in our own words, modelled on
// the shape of the Vera Institute's TVIT short form (about 16 core questions) and grouped by the
// ILO forced-labour indicators. Answers give an indicator summary and one recommended action.
import type { Indicator } from './indicators.ts';
import { STRENGTH, GROUP } from './indicators.ts';

export type QLang = 'az' | 'en' | 'ru';
export type Answer = 'yes' | 'no' | 'unknown' | 'declined';

export interface Question {
  id: string;
  /** ILO indicator heading the question sits under. */
  ilo: string;
  /** The indicator the question evidences, or null for the safety question. */
  code: Indicator | null;
  /** Which answer is the warning sign. */
  warnsOn: 'yes' | 'no';
  text: Record<QLang, string>;
}

export const QUESTIONS: Question[] = [
  { id: 'promised', ilo: 'deception', code: 'deceptive_offer', warnsOn: 'yes', text: {
    en: 'Is the work or the pay different from what you were promised before you came?',
    az: 'Gəlməzdən əvvəl sizə vəd olunan iş və ya maaş indikindən fərqlidir?',
    ru: 'Отличается ли работа или оплата от того, что вам обещали до приезда?' } },
  { id: 'paid_recruiter', ilo: 'debt bondage', code: 'advance_fee', warnsOn: 'yes', text: {
    en: 'Did you have to pay someone to get this job or to arrange your travel?',
    az: 'Bu işi tapmaq və ya yolunuzu təşkil etmək üçün kiməsə pul ödəməli oldunuz?',
    ru: 'Пришлось ли вам платить кому-то за эту работу или за организацию поездки?' } },
  { id: 'owes', ilo: 'debt bondage', code: 'debt', warnsOn: 'yes', text: {
    en: 'Does someone say you owe them money that you must work off before you can leave?',
    az: 'Kimsə deyir ki, getməzdən əvvəl işləyib qaytarmalı olduğunuz borcunuz var?',
    ru: 'Говорит ли кто-то, что вы должны деньги и не можете уйти, пока не отработаете?' } },
  { id: 'documents', ilo: 'retention of identity documents', code: 'document_retention', warnsOn: 'yes', text: {
    en: 'Is your passport or identity card held by someone else when you would rather keep it?',
    az: 'Pasportunuz və ya şəxsiyyət vəsiqəniz istəyinizə zidd olaraq başqasındadır?',
    ru: 'Находится ли ваш паспорт или удостоверение у кого-то другого против вашего желания?' } },
  { id: 'free_to_leave', ilo: 'restriction of movement', code: 'restricted_movement', warnsOn: 'no', text: {
    en: 'Could you leave this job or the place you live if you decided to?',
    az: 'İstəsəniz, bu işi və ya yaşadığınız yeri tərk edə bilərsinizmi?',
    ru: 'Могли бы вы уйти с этой работы или из места, где живёте, если бы решили?' } },
  { id: 'locked', ilo: 'restriction of movement', code: 'restricted_movement', warnsOn: 'yes', text: {
    en: 'Have you been locked in, or watched so that you could not go out alone?',
    az: 'Sizi bağlı saxlayıblarmı və ya tək çölə çıxa bilməyəsiniz deyə nəzarət ediblərmi?',
    ru: 'Вас запирали или следили, чтобы вы не могли выйти одни?' } },
  { id: 'contact', ilo: 'isolation', code: 'isolation', warnsOn: 'no', text: {
    en: 'Can you call or meet your family and friends when you want to?',
    az: 'İstədiyiniz vaxt ailənizə və dostlarınıza zəng edə və ya onlarla görüşə bilirsinizmi?',
    ru: 'Можете ли вы звонить родным и друзьям или встречаться с ними, когда хотите?' } },
  { id: 'threats', ilo: 'intimidation and threats', code: 'threats_violence', warnsOn: 'yes', text: {
    en: 'Has anyone threatened you or your family, or said they would report you to the police or migration service?',
    az: 'Kimsə sizi və ya ailənizi hədələyib, yaxud sizi polisə və ya miqrasiya xidmətinə verəcəyini deyib?',
    ru: 'Угрожал ли кто-то вам или вашей семье, или обещал сдать вас полиции или миграционной службе?' } },
  { id: 'harmed', ilo: 'physical and sexual violence', code: 'threats_violence', warnsOn: 'yes', text: {
    en: 'Has anyone hit or hurt you, or forced you into any sexual act?',
    az: 'Kimsə sizi vurub, incidib və ya hər hansı cinsi hərəkətə məcbur edib?',
    ru: 'Бил ли вас кто-то, причинял ли боль или принуждал к сексуальным действиям?' } },
  { id: 'paid_as_agreed', ilo: 'withholding of wages', code: 'withheld_wages', warnsOn: 'no', text: {
    en: 'Are you paid what was agreed, on time, and into your own hands?',
    az: 'Razılaşdırılan maaşı vaxtında və öz əlinizə alırsınızmı?',
    ru: 'Получаете ли вы оговорённую оплату вовремя и на руки?' } },
  { id: 'hours', ilo: 'excessive overtime', code: 'excessive_hours', warnsOn: 'yes', text: {
    en: 'Do you usually work more than 12 hours a day, or go weeks without a day off?',
    az: 'Adətən gündə 12 saatdan çox işləyirsiniz və ya həftələrlə istirahət günü olmur?',
    ru: 'Работаете ли вы обычно больше 12 часов в день или неделями без выходного?' } },
  { id: 'living', ilo: 'abusive working and living conditions', code: 'abusive_conditions', warnsOn: 'no', text: {
    en: 'Do you get enough food, a bed of your own, and a doctor when you need one?',
    az: 'Kifayət qədər yemək, öz yatağınız və lazım olanda həkim yardımı alırsınızmı?',
    ru: 'Хватает ли вам еды, есть ли у вас своя кровать и врач, когда нужен?' } },
  { id: 'sexual_work', ilo: 'abuse of vulnerability', code: 'sexualised_role', warnsOn: 'yes', text: {
    en: 'Were you made to do sexual work, or to keep clients company, when that was not the job you agreed to?',
    az: 'Razılaşmadığınız halda sizi cinsi xidmətə və ya müştərilərlə vaxt keçirməyə məcbur ediblər?',
    ru: 'Вас заставляли оказывать сексуальные услуги или проводить время с клиентами, хотя вы на это не соглашались?' } },
  { id: 'under_18', ilo: 'abuse of vulnerability', code: 'minor', warnsOn: 'yes', text: {
    en: 'Are you under 18 years old?',
    az: '18 yaşınız tamam olmayıb?',
    ru: 'Вам меньше 18 лет?' } },
  { id: 'begging', ilo: 'abuse of vulnerability', code: 'forced_begging', warnsOn: 'yes', text: {
    en: 'Are you made to beg or to collect money in the street for someone else?',
    az: 'Sizi başqası üçün dilənməyə və ya küçədə pul yığmağa məcbur edirlər?',
    ru: 'Заставляют ли вас просить милостыню или собирать деньги на улице для кого-то?' } },
  { id: 'irregular', ilo: 'abuse of vulnerability', code: 'irregular_migration', warnsOn: 'yes', text: {
    en: 'Were you told to work on a tourist visa or without papers, or taken across a border in secret?',
    az: 'Sizə turist vizası ilə və ya sənədsiz işləməyi deyiblər, yaxud sərhəddən gizli keçiriblər?',
    ru: 'Вам велели работать по туристической визе или без документов, или тайно перевезли через границу?' } },
  { id: 'safe_tonight', ilo: 'safety', code: null, warnsOn: 'no', text: {
    en: 'Do you have a safe place to sleep tonight?',
    az: 'Bu gecə yatmaq üçün təhlükəsiz yeriniz varmı?',
    ru: 'Есть ли у вас безопасное место для ночлега сегодня?' } },
];

export type Action = 'shelter' | 'refer_police' | 'call_152' | 'none';

/**
 * The rule, in order: no safe place tonight, or a minor with any other sign → shelter (and the
 * police are told by the shelter); any strong indicator, or signs in two ILO groups → refer to
 * police; any other sign → call 152 for advice; no sign → no action.
 */
export function assess(answers: Record<string, Answer>): { indicators: Indicator[]; action: Action } {
  const codes = new Set<Indicator>();
  let unsafe = false;
  for (const q of QUESTIONS) {
    if (answers[q.id] !== q.warnsOn) continue;
    if (q.code) codes.add(q.code);
    else unsafe = true;
  }
  const indicators = [...codes];
  const strong = indicators.some((c) => STRENGTH[c] === 3);
  const groups = new Set(indicators.map((c) => GROUP[c])).size;
  if (unsafe || (codes.has('minor') && codes.size > 1)) return { indicators, action: 'shelter' };
  if (strong || groups >= 2) return { indicators, action: 'refer_police' };
  if (indicators.length > 0) return { indicators, action: 'call_152' };
  return { indicators, action: 'none' };
}
