// The printed case summary as one self-contained HTML page (no scripts, no fetches), in the
// reader's language, with the interface's own words for every label.
import type { TFunction } from 'i18next';
import type { Profile } from '../profile/schema.ts';
import { countryName } from '../i18n/countries.ts';
import { LOCALES } from '../report/definition/labels.ts';
import type { ServerLanguage } from '../i18n/server.ts';
import type { CaseSummary } from './summary.ts';

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

type Labelled = { code: string; label: { az: string; en: string; ru?: string | undefined } };

const STYLE = `
body { font-family: 'DejaVu Sans', 'Noto Sans', Arial, sans-serif; font-size: 10pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 .2em; } h2 { font-size: 12pt; margin: 1.2em 0 .4em; border-bottom: 1px solid #999; }
.banner { border: 1px solid #900; color: #900; padding: .3em .6em; font-weight: bold; margin-bottom: .8em; }
.muted { color: #555; } table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: .2em .4em; border-bottom: 1px solid #ddd; }
th { font-weight: bold; } dl { display: grid; grid-template-columns: 12em 1fr; gap: .2em 1em; margin: 0; } dt { font-weight: bold; } dd { margin: 0; }
.voided { text-decoration: line-through; } .note { white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: .6em; margin: .4em 0 .8em; }
section { break-inside: auto; } tr { break-inside: avoid; } h2 { break-after: avoid; }
`;

/** The summary's HTML; `printed` says who printed it and when (also in every page's footer). */
export function summaryHtml(s: CaseSummary, opts: { t: TFunction; lang: ServerLanguage; profile: Profile; printed: string }): string {
  const { t, lang, profile } = opts;
  const d = s.detail;
  const none = t('common.none');
  const label = (l: Labelled['label']) => l[lang] ?? l.en;
  const codeOf = (list: readonly Labelled[], code: string) => {
    const found = list.find((x) => x.code === code);
    return found ? label(found.label) : code;
  };
  const agency = (id: string) => {
    const n = s.agencyNames.get(id);
    return n ? (n[lang] ?? n.en) : id;
  };
  const country = (c: string | null) => (c ? (countryName(c, lang) ?? c) : none);
  const date = (iso: string | null) => (iso ? new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : none);
  const money = (n: number, cur: string) => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: cur }).format(n);
  // Codes are worded by the key of their list; an unknown code is printed as it is.
  const dyn = t as unknown as (key: string, options: { defaultValue: string }) => string;
  const tr = (list: string, code: string | null) => (code ? dyn(`${list}.${code}`, { defaultValue: code }) : none);
  const row = (k: string, v: string) => `<dt>${esc(k)}</dt><dd>${esc(v || none)}</dd>`;
  const table = (head: string[], rows: string[][], cls: (i: number) => string = () => '') =>
    `<table><thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r, i) => `<tr class="${cls(i)}">${r.map((c) => `<td>${esc(c || none)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
  const section = (title: string, body: string, empty: string, isEmpty: boolean) => `<section><h2>${esc(title)}</h2>${isEmpty ? `<p class="muted">${esc(empty)}</p>` : body}</section>`;

  const identity = d.identity
    ? `<p class="muted">${esc(t('person.identityNote'))}</p><dl>${[
        row(t('person.givenName'), d.identity.givenName),
        row(t('person.familyName'), d.identity.familyName ?? ''),
        row(t('person.patronymic'), d.identity.patronymic ?? ''),
        row(t('person.birthDate'), d.identity.birthDate ? date(d.identity.birthDate) : ''),
        row(t('person.documents'), (d.identity.documentNumbers ?? []).join(', ')),
        row(t('person.phones'), (d.identity.phones ?? []).join(', ')),
        row(t('person.address'), d.identity.address ?? ''),
      ].join('')}</dl>`
    : `<p class="muted">${esc(t('caseSummary.identityWithheld'))}</p>`;

  const facts = `<dl>${[
    row(t('person.status'), tr('caseStatuses', d.status)),
    row(t('person.identificationStatus'), tr('identificationStatuses', d.identificationStatus)),
    row(t('person.gender'), tr('genders', d.gender)),
    row(t('person.birthYear'), d.birthYear ? String(d.birthYear) : ''),
    row(t('person.citizenship'), country(d.citizenship)),
    row(t('person.residenceRegion'), d.residenceRegion ? codeOf(profile.regions.regions, d.residenceRegion) : ''),
    row(t('person.channel'), tr('channels', d.channel)),
    row(t('person.contactDate'), date(d.contactDate)),
    row(t('person.ownerAgency'), agency(d.ownerAgencyId)),
    row(t('person.closure'), d.closure ? `${tr('closureReasons', d.closure.reason)}, ${date(d.closure.closedOn)}${d.closure.note ? ` — ${d.closure.note}` : ''}` : ''),
  ].join('')}</dl>`;

  // A timeline entry's summary is codes separated by spaces (see personTimeline): worded here as the page words them.
  const happened = (kind: string, summary: string) => {
    const [a = '', b, c] = summary.split(' ');
    switch (kind) {
      case 'contact':
        return tr('channels', a);
      case 'identification':
        return tr('identificationStatuses', a);
      case 'event':
        return `${tr('eventKinds', a)}${b ? ` · ${country(b)}` : ''}`;
      case 'reflection_started':
        return t('timeline.days', { count: Number(a) || 0 });
      case 'reflection_outcome':
        return tr('reflectionOutcomes', a);
      case 'consent':
        return `${tr('consentPurposes', a)} · ${b === 'given' ? t('person.given') : t('person.refused')}`;
      case 'referral':
        return tr('referralStatuses', a);
      case 'assistance':
        return codeOf(profile.assistanceKinds, a);
      case 'payment':
        return `${codeOf(profile.paymentKinds, a)} · ${b && c && /^[A-Z]{3}$/.test(c) ? money(Number(b), c) : [b, c].join(' ')}`;
      case 'closed':
        return tr('closureReasons', a);
      default:
        return summary;
    }
  };
  const timeline = table(
    [t('person.recordedOn'), t('timeline.title'), t('person.details')],
    s.timeline.map((i) => [date(i.date), tr('timeline.kinds', i.kind), happened(i.kind, i.summary)]),
  );
  const decisions = table(
    [t('person.decidedOn'), t('person.decisionStatus'), t('person.decidingAgency'), t('person.note')],
    d.decisions.map((x) => [date(x.decidedOn), tr('identificationStatuses', x.status), agency(x.decidingAgencyId), x.note ?? '']),
  );
  const events = table(
    [t('person.eventKind'), t('person.country'), t('person.period'), t('person.forms'), t('person.meansOfControl')],
    d.events.map((e) => [
      tr('eventKinds', e.kind),
      [country(e.country), e.region ?? ''].filter(Boolean).join(', '),
      `${date(e.startDate)} – ${date(e.endDate)}`,
      e.forms.map((f) => codeOf(profile.exploitationForms, f)).join(', '),
      e.meansOfControl.map((m) => tr('meansOfControl', m)).join(', '),
    ]),
  );
  const consents = table(
    [t('person.recordedOn'), t('person.purpose'), t('person.consentAgency'), t('person.consentGiven')],
    d.consents.map((c) => [date(c.recordedOn), tr('consentPurposes', c.purpose), c.agencyId ? agency(c.agencyId) : '', c.given ? t('person.given') : t('person.refused')]),
  );
  const referrals = table(
    [t('referrals.sentAt'), t('referrals.from'), t('referrals.to'), t('referrals.status')],
    s.referrals.map((r) => [date(r.sentAt), agency(r.fromAgencyId), agency(r.toAgencyId), tr('referralStatuses', r.status)]),
  );
  const voided = (v: string | null) => (v ? ` · ${t('person.voidedOn', { date: date(v) })}` : '');
  const assistance = table(
    [t('person.assistanceDate'), t('person.assistanceKind'), t('person.provider'), t('person.notes')],
    s.assistance.map((a) => [`${date(a.date)}${a.endDate ? ` – ${date(a.endDate)}` : ''}`, codeOf(profile.assistanceKinds, a.kind) + voided(a.voidedAt), agency(a.providerAgencyId), [a.legalStage ? tr('legalStages', a.legalStage) : '', a.notes ?? '', a.voidReason ?? ''].filter(Boolean).join(' · ')]),
    (i) => (s.assistance[i]?.voidedAt ? 'voided' : ''),
  );
  const payments = table(
    [t('person.paidOn'), t('person.paymentKind'), t('person.amountColumn'), t('person.payer')],
    s.payments.map((p) => [date(p.paidOn), codeOf(profile.paymentKinds, p.kind) + voided(p.voidedAt), money(p.amount, p.currency), agency(p.payerAgencyId)]),
    (i) => (s.payments[i]?.voidedAt ? 'voided' : ''),
  );
  const notes =
    s.notes === null
      ? `<section><h2>${esc(t('casework.notesTitle'))}</h2><p class="muted">${esc(t('caseSummary.notesWithheld'))}</p></section>`
      : section(
          t('casework.notesTitle'),
          s.notes.map((n) => `<p class="muted">${esc(n.authorName)} · ${esc(new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'medium', timeStyle: 'short', timeZone: profile.settings.timezone }).format(new Date(n.createdAt)))}</p><div class="note">${esc(n.body)}</div>`).join(''),
          t('casework.noNotes'),
          s.notes.length === 0,
        );

  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${esc(`${t('person.summary')} ${d.caseCode}`)}</title><style>${STYLE}</style></head><body>
<div class="banner">${esc(t('app.confidential'))}</div>
<h1>${esc(t('person.summary'))}: ${esc(d.caseCode)}</h1>
<p class="muted">${esc(opts.printed)}. ${esc(t('caseSummary.scope'))}</p>
<section><h2>${esc(t('person.identityTitle'))}</h2>${identity}</section>
<section><h2>${esc(t('person.details'))}</h2>${facts}</section>
${section(t('timeline.title'), timeline, t('timeline.empty'), s.timeline.length === 0)}
${section(t('person.decisionsTitle'), decisions, none, d.decisions.length === 0)}
${section(t('person.eventsTitle'), events, t('person.noEvents'), d.events.length === 0)}
${section(t('person.consentsTitle'), consents, t('person.noConsents'), d.consents.length === 0)}
${section(t('person.referralsTitle'), referrals, t('person.noReferrals'), s.referrals.length === 0)}
${section(t('person.assistanceTitle'), assistance, t('person.noAssistance'), s.assistance.length === 0)}
${section(t('person.paymentsTitle'), payments, t('person.noPayments'), s.payments.length === 0)}
${notes}
</body></html>`;
}
