import { useTranslation } from 'react-i18next';
import { withQuery } from '../api.ts';
import { FormAlert, LoadState } from '../ui/Alerts.tsx';
import { TextField } from '../ui/Field.tsx';
import { FilterForm } from '../ui/FilterForm.tsx';
import { ChannelSelect, OutcomeSelect, TopicSelect } from './Choices.tsx';
import { IdentifierSearch } from './IdentifierSearch.tsx';
import { ContactTable } from './Tables.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { isDate } from '../dates.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import type { Contacts } from './hotline.ts';
import { useListQuery } from '../listQuery.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';

const PAGE_SIZE = 50;
const FILTERS = ['from', 'to', 'topic', 'channel', 'outcome'] as const;

/** The hotline's contacts (those the user may see), filtered, and the phone/account search. */
export function HotlineContactsPage() {
  const { t } = useTranslation();
  const can = useCan();
  const { applied, offset, form, set, go, clear, page } = useListQuery('/hotline', FILTERS);
  const filter = useSubmit();
  const labels = { from: t('hotline.from'), to: t('hotline.to') };

  const list = useResource<Contacts>(withQuery('/api/hotline/contacts', { ...applied, limit: PAGE_SIZE, offset }));
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];

  const onFilter = filter.onSubmit(async () => {
    const bad = (['from', 'to'] as const).filter((k) => form[k] && !isDate(form[k]));
    if (bad.length) throw clientInvalid(bad.map((path) => ({ path, message: t('fieldErrors.date') })));
    go(form);
  });

  return (
    <Page
      title={t('hotline.listTitle')}
      actions={
        can('hotline.log') && (
          <Link to="/hotline/new" className="button">
            {t('hotline.newCall')}
          </Link>
        )
      }
    >
      <IdentifierSearch />
      <h2>{t('hotline.contactsTitle')}</h2>
      <FormAlert error={filter.error} labels={labels} idPrefix="filter-" />
      <FilterForm
        label={t('hotline.filters')}
        submitLabel={t('hotline.applyFilters')}
        onSubmit={onFilter}
        onClear={() => {
          filter.setError(null);
          clear();
        }}
        noValidate
      >
        <TextField id="filter-from" type="date" label={labels.from} value={form.from} onChange={(e) => set('from')(e.target.value)} error={filter.fieldError('from')} />
        <TextField id="filter-to" type="date" label={labels.to} value={form.to} onChange={(e) => set('to')(e.target.value)} error={filter.fieldError('to')} />
        <TopicSelect id="filter-topic" label={t('hotline.topic')} placeholder={t('hotline.allTopics')} value={form.topic} onChange={set('topic')} />
        <ChannelSelect id="filter-channel" label={t('hotline.channel')} placeholder={t('hotline.allChannels')} value={form.channel} onChange={set('channel')} />
        <OutcomeSelect id="filter-outcome" label={t('hotline.outcome')} placeholder={t('hotline.allOutcomes')} value={form.outcome} onChange={set('outcome')} />
      </FilterForm>
      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && <ContactTable items={items} busy={list.loading} caption={`${t('hotline.contactsTitle')} · ${t('common.range', { from: offset + 1, to: offset + items.length, total })}`} />}
      <ListPager offset={offset} pageSize={PAGE_SIZE} total={total} onPage={page} />
    </Page>
  );
}
