// Everything that happened, in date order, in words (the server sends codes).
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { CaseStatus, ClosureReason, ConsentPurpose, EventKind, IdentificationChannel, IdentificationStatus, ReflectionOutcome } from '../../../src/victims/schema.ts';
import { ContactChannel } from '../../../src/hotline/schema.ts';
import { ReferralStatus } from '../../../src/referrals/schema.ts';
import { useProfile, type Resource } from '../data.ts';
import { useFormat } from '../format.ts';
import type { TimelineData } from './victims.ts';
import { LoadState } from '../ui/Alerts.tsx';
import { useTopicLabel } from '../hotline/Choices.tsx';
import { Empty, Section } from './Section.tsx';

const KINDS = ['contact', 'identification', 'event', 'reflection_started', 'reflection_outcome', 'consent', 'referral', 'assistance', 'payment', 'call', 'closed'] as const;
type Kind = (typeof KINDS)[number];
const isKind = (k: string): k is Kind => (KINDS as readonly string[]).includes(k);
const oneOf = <T extends string>(options: readonly T[], v: string | undefined): v is T => v !== undefined && (options as readonly string[]).includes(v);

function useSummary() {
  const { t } = useTranslation();
  const f = useFormat();
  const profile = useProfile();
  const topic = useTopicLabel();
  const codeLabel = (list: readonly { code: string; label: Parameters<typeof f.label>[0] }[] | undefined, code: string | undefined) => {
    const found = list?.find((x) => x.code === code);
    return found ? f.label(found.label) : (code ?? '');
  };
  return (kind: string, summary: string): string => {
    const [a, b, c] = summary.split(' ');
    switch (kind) {
      case 'contact':
        return oneOf(IdentificationChannel.options, a) ? t(`channels.${a}`) : summary;
      case 'identification':
        return oneOf(IdentificationStatus.options, a) ? t(`identificationStatuses.${a}`) : summary;
      case 'event':
        return `${oneOf(EventKind.options, a) ? t(`eventKinds.${a}`) : a}${b ? ` · ${f.country(b)}` : ''}`;
      case 'reflection_started':
        return t('timeline.days', { count: Number(a) || 0 });
      case 'reflection_outcome':
        return oneOf(ReflectionOutcome.options, a) ? t(`reflectionOutcomes.${a}`) : summary;
      case 'consent':
        return `${oneOf(ConsentPurpose.options, a) ? t(`consentPurposes.${a}`) : a} · ${b === 'given' ? t('person.given') : t('person.refused')}`;
      case 'referral':
        return oneOf(ReferralStatus.options, a) ? t(`referralStatuses.${a}`) : summary;
      case 'assistance':
        return codeLabel(profile.data?.assistanceKinds, a);
      case 'payment':
        return `${codeLabel(profile.data?.paymentKinds, a)} · ${b && c && /^[A-Z]{3}$/.test(c) ? f.money(Number(b), c) : [b, c].join(' ')}`;
      case 'call':
        return `${oneOf(ContactChannel.options, a) ? t(`contactChannels.${a}`) : a} · ${topic(b ?? '')}`;
      case 'closed':
        return oneOf(ClosureReason.options, a) ? t(`closureReasons.${a}`) : oneOf(CaseStatus.options, a) ? t(`caseStatuses.${a}`) : summary;
      default:
        return summary;
    }
  };
}

const kindLabel = (t: TFunction, kind: string) => (isKind(kind) ? t(`timeline.kinds.${kind}`) : kind);

export function TimelineList({ timeline }: { timeline: Resource<TimelineData> }) {
  const { t } = useTranslation();
  const f = useFormat();
  const describe = useSummary();
  const items = timeline.data?.items ?? [];
  return (
    <Section id="timeline" title={t('timeline.title')}>
      <LoadState loading={timeline.loading && !timeline.data} error={timeline.error} />
      {timeline.data && items.length === 0 && <Empty>{t('timeline.empty')}</Empty>}
      {items.length > 0 && (
        <ol className="timeline">
          {items.map((e) => (
            <li key={`${e.kind}:${e.refId}`}>
              <time dateTime={e.date}>{f.toldDate(e.date)}</time>
              <span className="timeline-kind">{kindLabel(t, e.kind)}</span>
              <span>{describe(e.kind, e.summary)}</span>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
