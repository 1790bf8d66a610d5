// The hotline's vocabularies as select options: topics and regions from the country profile,
// channels, languages, caller types and outcomes from the server's schemas.
import type { SelectHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { CallerType, ContactChannel, HotlineOutcome } from '../../../src/hotline/schema.ts';
import { useProfile } from '../data.ts';
import { useFormat } from '../format.ts';
import { SelectField } from '../ui/Field.tsx';

export const CONTACT_LANGUAGES = ['az', 'ru', 'en', 'tr', 'other'] as const;

type Props = { id: string; label: string; value: string; onChange: (v: string) => void; placeholder?: string; error?: string | undefined; hint?: string | undefined; optional?: boolean } & Omit<
  SelectHTMLAttributes<HTMLSelectElement>,
  'value' | 'onChange' | 'id'
>;

function Select({ id, label, value, onChange, placeholder, error, hint, optional, options, ...rest }: Props & { options: { value: string; label: string }[] }) {
  return (
    <SelectField id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} hint={hint} optional={optional ?? false} {...rest}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </SelectField>
  );
}

/** The label of a topic code from the profile (the code itself for one no longer there). */
export function useTopicLabel() {
  const profile = useProfile();
  const f = useFormat();
  return (code: string) => {
    const topic = profile.data?.hotlineTopics.find((x) => x.code === code);
    return topic ? f.label(topic.label) : code;
  };
}

export function TopicSelect(props: Props) {
  const profile = useProfile();
  const f = useFormat();
  return <Select {...props} options={(profile.data?.hotlineTopics ?? []).map((x) => ({ value: x.code, label: f.label(x.label) }))} />;
}

export function ChannelSelect(props: Props) {
  const { t } = useTranslation();
  return <Select {...props} options={ContactChannel.options.map((c) => ({ value: c, label: t(`contactChannels.${c}`) }))} />;
}

export function LanguageSelect(props: Props) {
  const { t } = useTranslation();
  return <Select {...props} options={CONTACT_LANGUAGES.map((c) => ({ value: c, label: t(`contactLanguages.${c}`) }))} />;
}

export function CallerSelect(props: Props) {
  const { t } = useTranslation();
  return <Select {...props} options={CallerType.options.map((c) => ({ value: c, label: t(`callerTypes.${c}`) }))} />;
}

export function OutcomeSelect(props: Props) {
  const { t } = useTranslation();
  return <Select {...props} options={HotlineOutcome.options.map((c) => ({ value: c, label: t(`hotlineOutcomes.${c}`) }))} />;
}

/** Regions grouped by economic region, as on the intake. */
export function RegionSelect({ id, label, value, onChange, placeholder, error, optional }: Props) {
  const profile = useProfile();
  const f = useFormat();
  const economic = profile.data?.regions.economicRegions ?? [];
  const regions = profile.data?.regions.regions ?? [];
  return (
    <SelectField id={id} label={label} value={value} onChange={(e) => onChange(e.target.value)} error={error} optional={optional ?? false}>
      <option value="">{placeholder}</option>
      {economic.map((e) => (
        <optgroup key={e.code} label={f.label(e.label)}>
          {regions
            .filter((r) => r.economicRegion === e.code)
            .map((r) => (
              <option key={r.code} value={r.code}>
                {f.label(r.label)}
              </option>
            ))}
        </optgroup>
      ))}
    </SelectField>
  );
}

/** The label of a region code. */
export function useRegionLabel() {
  const profile = useProfile();
  const f = useFormat();
  const { t } = useTranslation();
  return (code: string | null) => {
    if (!code) return t('common.none');
    const r = profile.data?.regions.regions.find((x) => x.code === code);
    return r ? f.label(r.label) : code;
  };
}
