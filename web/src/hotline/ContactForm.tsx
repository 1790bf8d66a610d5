// The fast entry form: what a typical call needs, most-asked first, defaults for the rest.
// Enter in a one-line field saves, Ctrl+Enter saves from anywhere (the notes, a select).
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactInput } from '../../../src/hotline/schema.ts';
import { api } from '../api.ts';
import { useProfile } from '../data.ts';
import { useToday } from '../dates.ts';
import { assertValid, atListFields, blankFields, useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { formatDuration, isoFromLocal, localDateTime, parseDuration, splitList, type Saved } from './hotline.ts';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { FormAlert } from '../ui/Alerts.tsx';
import { TextAreaField, TextField } from '../ui/Field.tsx';
import { CallerSelect, ChannelSelect, LanguageSelect, OutcomeSelect, RegionSelect, TopicSelect } from './Choices.tsx';

export interface SavedCall extends Saved {
  /** The call ended in a referral: a person created from it can be referred on at once. */
  referred: boolean;
  notes: string;
  phones: string[];
  handles: string[];
}

const EMPTY = { topic: '', callerType: '', notes: '', phones: '', handles: '', outcome: '', region: '', followUpDue: '', referredAgencyId: '', channel: 'phone_152', language: 'az' };

/** Whole seconds from `d` until now. */
const secondsSince = (d: Date) => Math.round((Date.now() - d.getTime()) / 1000);

export function ContactForm({ onSaved }: { onSaved: (saved: SavedCall) => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const profile = useProfile();
  const today = useToday();
  // The call started when the page opened; the duration counts from then until it is typed over.
  const [opened] = useState(() => new Date());
  const [v, setV] = useState({ ...EMPTY, startedAt: localDateTime(opened) });
  const [duration, setDuration] = useState<string | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const set = (k: keyof typeof v) => (value: string) => setV((s) => ({ ...s, [k]: value }));

  useEffect(() => {
    if (duration !== null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [duration]);

  const labels = {
    topic: t('hotline.topic'),
    callerType: t('hotline.callerType'),
    notes: t('hotline.notes'),
    phones: t('hotline.phones'),
    handles: t('hotline.handles'),
    outcome: t('hotline.outcome'),
    followUpDue: t('hotline.followUpDue'),
    referredAgencyId: t('hotline.referredAgency'),
    region: t('hotline.region'),
    channel: t('hotline.channel'),
    language: t('hotline.language'),
    startedAt: t('hotline.startedAt'),
    durationSeconds: t('hotline.duration'),
  };

  const templateOf = (code: string) => {
    const topic = profile.data?.hotlineTopics.find((x) => x.code === code);
    return topic?.noteTemplate ? f.label(topic.noteTemplate) : '';
  };
  // A topic brings its usual outcome and its note template (over notes not yet written).
  const onTopic = (code: string) =>
    setV((s) => {
      const topic = profile.data?.hotlineTopics.find((x) => x.code === code);
      const keepNotes = s.notes.trim() !== '' && s.notes !== templateOf(s.topic);
      return { ...s, topic: code, outcome: topic?.defaultOutcome ?? s.outcome, notes: keepNotes ? s.notes : templateOf(code) };
    });

  const submit = onSubmit(async () => {
    const startedAt = isoFromLocal(v.startedAt);
    const seconds = duration === null ? secondsSince(opened) : parseDuration(duration);
    assertValid(
      blankFields({ topic: v.topic, callerType: v.callerType, outcome: v.outcome }, t('fieldErrors.choose')),
      v.outcome === 'follow_up' ? blankFields({ followUpDue: v.followUpDue }, t('fieldErrors.required')) : [],
      v.outcome === 'referred' ? blankFields({ referredAgencyId: v.referredAgencyId }, t('fieldErrors.choose')) : [],
      startedAt ? [] : [{ path: 'startedAt', message: t('fieldErrors.required') }],
      seconds === null ? [{ path: 'durationSeconds', message: t('hotline.durationFormat') }] : [],
    );
    if (startedAt === null || seconds === null) return;
    const phones = splitList(v.phones);
    const handles = splitList(v.handles);
    const notes = v.notes.trim();
    const body: ContactInput = {
      startedAt,
      durationSeconds: seconds,
      channel: v.channel as ContactInput['channel'],
      language: v.language as ContactInput['language'],
      callerType: v.callerType as ContactInput['callerType'],
      topic: v.topic,
      region: v.region || null,
      outcome: v.outcome as ContactInput['outcome'],
      ...(v.outcome === 'referred' ? { referredAgencyId: v.referredAgencyId } : {}),
      ...(v.outcome === 'follow_up' ? { followUpDue: v.followUpDue } : {}),
      ...(notes ? { notes } : {}),
      ...(phones.length ? { phones } : {}),
      ...(handles.length ? { handles } : {}),
    };
    const out = await atListFields(api.post<Saved>('/api/hotline/contacts', body));
    onSaved({ ...out, referred: v.outcome === 'referred', notes, phones, handles });
  });

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      e.currentTarget.requestSubmit();
    }
  };

  return (
    <>
      <FormAlert error={error} labels={labels} idPrefix="call-" />
      <form className="card form form--wide" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-describedby="call-keys">
        <p id="call-keys" className="hint">
          {t('hotline.keysHint')}
        </p>
        <div className="field-row">
          <TopicSelect id="call-topic" label={labels.topic} placeholder={t('hotline.chooseTopic')} value={v.topic} onChange={onTopic} error={fieldError('topic')} autoFocus data-autofocus />
          <CallerSelect id="call-callerType" label={labels.callerType} placeholder={t('hotline.chooseCaller')} value={v.callerType} onChange={set('callerType')} error={fieldError('callerType')} />
        </div>
        <TextAreaField id="call-notes" label={labels.notes} optional rows={4} value={v.notes} onChange={(e) => set('notes')(e.target.value)} error={fieldError('notes')} />
        <div className="field-row">
          <TextField id="call-phones" label={labels.phones} optional hint={t('hotline.listHint')} value={v.phones} onChange={(e) => set('phones')(e.target.value)} autoComplete="off" inputMode="tel" error={fieldError('phones')} />
          <TextField id="call-handles" label={labels.handles} optional hint={t('hotline.listHint')} value={v.handles} onChange={(e) => set('handles')(e.target.value)} autoComplete="off" spellCheck={false} error={fieldError('handles')} />
        </div>
        <div className="field-row">
          <OutcomeSelect id="call-outcome" label={labels.outcome} placeholder={t('hotline.chooseOutcome')} value={v.outcome} onChange={set('outcome')} error={fieldError('outcome')} />
          {v.outcome === 'follow_up' && <TextField id="call-followUpDue" type="date" label={labels.followUpDue} min={today} value={v.followUpDue} onChange={(e) => set('followUpDue')(e.target.value)} error={fieldError('followUpDue')} />}
          {v.outcome === 'referred' && (
            <AgencySelect id="call-referredAgencyId" label={labels.referredAgencyId} placeholder={t('hotline.chooseAgency')} value={v.referredAgencyId} onChange={set('referredAgencyId')} error={fieldError('referredAgencyId')} />
          )}
        </div>
        <RegionSelect id="call-region" label={labels.region} optional placeholder={t('intake.noRegion')} value={v.region} onChange={set('region')} error={fieldError('region')} />
        <fieldset className="call-details">
          <legend>{t('hotline.callDetails')}</legend>
          <div className="field-row">
            <ChannelSelect id="call-channel" label={labels.channel} value={v.channel} onChange={set('channel')} error={fieldError('channel')} />
            <LanguageSelect id="call-language" label={labels.language} value={v.language} onChange={set('language')} error={fieldError('language')} />
          </div>
          <div className="field-row">
            <TextField id="call-startedAt" type="datetime-local" label={labels.startedAt} value={v.startedAt} onChange={(e) => set('startedAt')(e.target.value)} error={fieldError('startedAt')} />
            <TextField
              id="call-durationSeconds"
              label={labels.durationSeconds}
              hint={t('hotline.durationHint')}
              className="field--code"
              value={duration ?? formatDuration((now - opened.getTime()) / 1000)}
              onChange={(e) => setDuration(e.target.value)}
              autoComplete="off"
              error={fieldError('durationSeconds')}
            />
          </div>
        </fieldset>
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {busy ? t('common.saving') : t('hotline.save')}
          </button>
        </div>
      </form>
    </>
  );
}
