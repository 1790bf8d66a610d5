// One's own open sessions (other browsers, other computers), each of which can be ended here.
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { OwnSessionList } from '../../../src/accounts/schema.ts';
import { api } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { useResource } from '../data.ts';
import { useSubmit } from '../form.ts';
import { useFormat } from '../format.ts';

export function OwnSessions() {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useResource<z.infer<typeof OwnSessionList>>('/api/me/sessions');
  const act = useSubmit();
  const run = (fn: () => Promise<unknown>) =>
    void act.run(async () => {
      await fn();
      list.reload();
    });
  const items = list.data?.items ?? [];
  const others = items.filter((s) => !s.current);

  return (
    <section className="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('sessions.title')}</h2>
      <LoadState loading={list.loading} error={list.error} />
      <FormAlert error={act.error} />
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
        <table className="table">
          <caption>{t('sessions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('sessions.started')}</th>
              <th scope="col">{t('sessions.lastSeen')}</th>
              <th scope="col">{t('sessions.end')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((s) => (
              <tr key={s.id}>
                <td>{f.dateTime(s.createdAt)}</td>
                <td>{f.dateTime(s.lastSeenAt)}</td>
                <td>
                  {s.current ? (
                    t('sessions.current')
                  ) : (
                    <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => run(() => api.delete(`/api/me/sessions/${s.id}`))}>
                      {t('sessions.end')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
      {others.length > 0 && (
        <div className="form-actions">
          <button type="button" className="button button--secondary" disabled={act.busy} onClick={() => run(() => api.post('/api/me/sessions/end-others', {}))}>
            {t('sessions.endOthers')}
          </button>
        </div>
      )}
    </section>
  );
}
