import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ActivityKind, Audience, type ActivityInput, type ActivityList } from '../../../src/activities/schema.ts';
import { api, withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';
import { navigate, useLocation } from '../router.tsx';
import { useCan, useSession } from '../session.tsx';
import { lastYear } from '../submissions/submissions.ts';

type Activities = z.infer<typeof ActivityList>;
const isKind = (s: string): s is ActivityKind => (ActivityKind.options as readonly string[]).includes(s);

/** The activities register: what agencies did, and a form to add to it. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const { query } = useLocation();
  const year = /^\d{4}$/.test(query.get('year') ?? '') ? query.get('year')! : lastYear();
  const rawKind = query.get('kind') ?? '';
  const kind = isKind(rawKind) ? rawKind : '';
  const [chosen, setChosen] = useState({ year, kind: kind as string });
  const list = useResource<Activities>(withQuery('/api/activities', { year, kind }));
  const items = list.data?.items ?? [];
  const yesNo = (b: boolean | null) => (b === null ? '' : b ? t('common.yes') : t('common.no'));
  const details = (a: Activities['items'][number]) =>
    [
      a.audience && `${t(`submissions.activities.audiences.${a.audience}`)}: ${a.participants ?? '?'}`,
      a.copies !== null && `${t('submissions.activities.copies')}: ${a.copies}`,
      a.languages?.length && a.languages.join(', '),
      a.outlet,
      a.abroad !== null && `${t('submissions.activities.abroad')}: ${yesNo(a.abroad)}`,
      a.online !== null && `${t('submissions.activities.online')}: ${yesNo(a.online)}`,
      a.partner,
      a.place,
    ]
      .filter(Boolean)
      .join(' · ');
  return (
    <Page title={t('submissions.activities.title')}>
      <form
        className="filters card"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(withQuery('/activities', chosen));
        }}
      >
        <TextField id="activities-year" label={t('submissions.year')} value={chosen.year} onChange={(e) => setChosen({ ...chosen, year: e.target.value })} />
        <SelectField id="activities-kind" label={t('submissions.activities.kind')} value={chosen.kind} onChange={(e) => setChosen({ ...chosen, kind: e.target.value })}>
          <option value="">{t('submissions.activities.allKinds')}</option>
          {ActivityKind.options.map((k) => (
            <option key={k} value={k}>
              {t(`submissions.activities.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <div className="form-actions">
          <button type="submit" className="button button--secondary">
            {t('submissions.apply')}
          </button>
        </div>
      </form>
      {can('activities.record') && <RecordActivity onSaved={list.reload} />}
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && Object.keys(list.data.trainedByAudience).length > 0 && (
        <p>
          {t('submissions.activities.trained')}:{' '}
          {Object.entries(list.data.trainedByAudience)
            .map(([k, n]) => `${t(`submissions.activities.audiences.${k as Audience}`)} ${n}`)
            .join(', ')}
        </p>
      )}
      {list.data && items.length === 0 && <p className="muted">{t('submissions.none')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table">
            <caption>
              {t('submissions.activities.title')} · {items.length}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('submissions.activities.date')}</th>
                <th scope="col">{t('submissions.activities.kind')}</th>
                <th scope="col">{t('submissions.activities.titleField')}</th>
                <th scope="col">{t('submissions.agency')}</th>
                <th scope="col">{t('submissions.activities.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((a) => (
                <tr key={a.id}>
                  <td className="nowrap">{f.date(a.date)}</td>
                  <td>{t(`submissions.activities.kinds.${a.kind}`)}</td>
                  <th scope="row">{a.title}</th>
                  <td>{f.agency(a.agencyId)}</td>
                  <td>{details(a)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}

function RecordActivity({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const empty = { kind: 'training', title: '', date: '', place: '', audience: '', participants: '', trainers: '', copies: '', languages: '', partner: '', outlet: '' };
  const [v, setV] = useState(empty);
  const [flags, setFlags] = useState({ online: false, abroad: false });
  const [notice, setNotice] = useState<string | null>(null);
  const { busy, error, onSubmit, fieldError } = useSubmit();
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const k = v.kind as ActivityKind;
  const submit = onSubmit(async () => {
    setNotice(null);
    const body: ActivityInput = {
      agencyId: me.user.agencyId,
      kind: k,
      title: v.title,
      date: v.date,
      place: v.place || null,
      ...(k === 'training' || k === 'international_event' ? { online: flags.online } : {}),
      ...(k === 'international_event' ? { abroad: flags.abroad, partner: v.partner || null } : {}),
      ...(k === 'training' ? { audience: (v.audience || null) as ActivityInput['audience'], participants: num(v.participants), trainers: num(v.trainers) } : {}),
      ...(k === 'awareness_event' ? { participants: num(v.participants) } : {}),
      ...(k === 'publication' ? { copies: num(v.copies), languages: v.languages.split(/[\s,]+/).filter(Boolean) } : {}),
      ...(k === 'media' ? { outlet: v.outlet || null } : {}),
    };
    await api.post('/api/activities', body);
    setV({ ...empty, kind: v.kind });
    setNotice(t('submissions.activities.saved'));
    onSaved();
  });
  const bind = (name: keyof typeof empty) => ({ value: v[name], onChange: (e: { target: { value: string } }) => setV({ ...v, [name]: e.target.value }) });
  return (
    <section className="card" aria-labelledby="record-activity">
      <h2 id="record-activity">{t('submissions.activities.record')}</h2>
      <Notice message={notice} />
      <FormAlert error={error} />
      <form className="form" onSubmit={submit} noValidate>
        <SelectField id="activity-kind" label={t('submissions.activities.kind')} {...bind('kind')}>
          {ActivityKind.options.map((x) => (
            <option key={x} value={x}>
              {t(`submissions.activities.kinds.${x}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="activity-title" label={t('submissions.activities.titleField')} error={fieldError('title')} {...bind('title')} />
        <TextField id="activity-date" type="date" label={t('submissions.activities.date')} error={fieldError('date')} {...bind('date')} />
        <TextField id="activity-place" label={t('submissions.activities.place')} optional error={fieldError('place')} {...bind('place')} />
        {k === 'training' && (
          <>
            <SelectField id="activity-audience" label={t('submissions.activities.audience')} error={fieldError('audience')} {...bind('audience')}>
              <option value="" />
              {Audience.options.map((x) => (
                <option key={x} value={x}>
                  {t(`submissions.activities.audiences.${x}`)}
                </option>
              ))}
            </SelectField>
            <TextField id="activity-trainers" inputMode="numeric" label={t('submissions.activities.trainers')} optional error={fieldError('trainers')} {...bind('trainers')} />
          </>
        )}
        {(k === 'training' || k === 'awareness_event') && <TextField id="activity-participants" inputMode="numeric" label={t('submissions.activities.participants')} error={fieldError('participants')} {...bind('participants')} />}
        {(k === 'training' || k === 'international_event') && <CheckboxField id="activity-online" label={t('submissions.activities.online')} checked={flags.online} onChange={(e) => setFlags({ ...flags, online: e.target.checked })} />}
        {k === 'international_event' && (
          <>
            <CheckboxField id="activity-abroad" label={t('submissions.activities.abroad')} checked={flags.abroad} onChange={(e) => setFlags({ ...flags, abroad: e.target.checked })} />
            <TextField id="activity-partner" label={t('submissions.activities.partner')} error={fieldError('partner')} {...bind('partner')} />
          </>
        )}
        {k === 'publication' && (
          <>
            <TextField id="activity-copies" inputMode="numeric" label={t('submissions.activities.copies')} error={fieldError('copies')} {...bind('copies')} />
            <TextField id="activity-languages" label={t('submissions.activities.languages')} hint="az, ru, en" error={fieldError('languages')} {...bind('languages')} />
          </>
        )}
        {k === 'media' && <TextField id="activity-outlet" label={t('submissions.activities.outlet')} error={fieldError('outlet')} {...bind('outlet')} />}
        <div className="form-actions">
          <button type="submit" className="button" disabled={busy}>
            {t('submissions.activities.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
