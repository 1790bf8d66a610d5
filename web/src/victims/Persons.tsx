import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseStatus, IdentificationStatus } from '../../../src/victims/schema.ts';
import { clientInvalid, useSubmit } from '../form.ts';
import { withQuery } from '../api.ts';
import { FormAlert, LoadState, Notice } from '../ui/Alerts.tsx';
import { AgencySelect } from '../agencies/AgencySelect.tsx';
import { CountryField } from '../ui/CountryField.tsx';
import { CheckboxField, SelectField, TextField } from '../ui/Field.tsx';
import { FilterForm } from '../ui/FilterForm.tsx';
import { ListPager } from '../ui/ListPager.tsx';
import { Page } from '../ui/Page.tsx';
import { useResource } from '../data.ts';
import { clearFlash, peekFlash } from '../flash.ts';
import { useFormat } from '../format.ts';
import { useListQuery } from '../listQuery.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.tsx';
import { countryCode, isCountryCode, personPage, type Persons } from './victims.ts';

const PAGE_SIZE = 50;
const FILTERS = ['name', 'caseCode', 'status', 'identificationStatus', 'year', 'country', 'agencyId', 'assigned', 'sort', 'order'] as const;
const SORTS = ['created', 'opened', 'caseCode', 'identified'] as const;

/** The person list: case codes only, never names (a name can be searched for; it is never shown here). */
export function PersonsPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const can = useCan();
  const [flash] = useState(peekFlash);
  useEffect(clearFlash, []);

  const { applied, offset, form, set, go, clear, page } = useListQuery('/persons', FILTERS);
  const filter = useSubmit();
  const labels = { name: t('persons.name'), caseCode: t('persons.caseCode'), year: t('persons.year'), country: t('persons.country') };

  const list = useResource<Persons>(withQuery('/api/persons', { ...applied, limit: PAGE_SIZE, offset }));
  const total = list.data?.total ?? 0;
  const items = list.data?.items ?? [];
  // Past the server's counting cap the total is a lower bound: a full page may have another after it.
  const counted = list.data?.totalExact ?? true;
  const pagerTotal = counted ? total : Math.max(total, offset + items.length + (items.length === PAGE_SIZE ? 1 : 0));

  const onFilter = filter.onSubmit(async () => {
    const year = form.year.trim();
    const country = countryCode(form.country);
    const problems = [];
    if (year && !/^\d{4}$/.test(year)) problems.push({ path: 'year', message: t('fieldErrors.year') });
    if (country && !isCountryCode(country)) problems.push({ path: 'country', message: t('fieldErrors.country') });
    if (problems.length) throw clientInvalid(problems);
    go({ ...form, name: form.name.trim(), caseCode: form.caseCode.trim(), year, country });
  });

  return (
    <Page
      title={t('persons.title')}
      actions={
        can('persons.create') && (
          <Link to="/persons/new" className="button">
            {t('persons.new')}
          </Link>
        )
      }
    >
      <Notice message={flash} />
      <FormAlert error={filter.error} labels={labels} idPrefix="filter-" />
      <FilterForm
        label={t('persons.filters')}
        submitLabel={t('common.search')}
        onSubmit={onFilter}
        onClear={() => {
          filter.setError(null);
          clear();
        }}
        noValidate
      >
        <TextField id="filter-name" type="search" label={labels.name} hint={t('persons.nameHint')} value={form.name} onChange={(e) => set('name')(e.target.value)} autoComplete="off" spellCheck={false} />
        <TextField id="filter-caseCode" type="search" label={labels.caseCode} hint={t('persons.caseCodeHint')} value={form.caseCode} onChange={(e) => set('caseCode')(e.target.value)} autoComplete="off" spellCheck={false} />
        <SelectField id="filter-status" label={t('persons.status')} value={form.status} onChange={(e) => set('status')(e.target.value)}>
          <option value="">{t('persons.allStatuses')}</option>
          {CaseStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`caseStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-identificationStatus" label={t('persons.identificationStatus')} value={form.identificationStatus} onChange={(e) => set('identificationStatus')(e.target.value)}>
          <option value="">{t('persons.allIdentificationStatuses')}</option>
          {IdentificationStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`identificationStatuses.${s}`)}
            </option>
          ))}
        </SelectField>
        <TextField id="filter-year" label={labels.year} hint={t('persons.yearHint')} inputMode="numeric" maxLength={4} className="field--code" value={form.year} onChange={(e) => set('year')(e.target.value)} autoComplete="off" error={filter.fieldError('year')} />
        <CountryField id="filter-country" label={labels.country} value={form.country} onChange={set('country')} error={filter.fieldError('country')} />
        <AgencySelect id="filter-agencyId" label={t('persons.agency')} hint={t('persons.agencyHint')} placeholder={t('persons.allAgencies')} value={form.agencyId} onChange={set('agencyId')} />
        <SelectField id="filter-sort" label={t('persons.sortBy')} value={form.sort || 'created'} onChange={(e) => set('sort')(e.target.value)}>
          {SORTS.map((s) => (
            <option key={s} value={s}>
              {t(`persons.sorts.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField id="filter-order" label={t('persons.order')} value={form.order || 'desc'} onChange={(e) => set('order')(e.target.value)}>
          <option value="desc">{t('persons.orders.desc')}</option>
          <option value="asc">{t('persons.orders.asc')}</option>
        </SelectField>
        {can('persons.assign') && (
          <CheckboxField id="filter-assigned" label={t('persons.assignedToMe')} checked={form.assigned === 'me'} onChange={(e) => set('assigned')(e.target.checked ? 'me' : '')} />
        )}
      </FilterForm>

      <LoadState loading={list.loading && !list.data} error={list.error} />
      {list.data && items.length === 0 && <p className="muted">{t('common.noResults')}</p>}
      {items.length > 0 && (
        <div className="table-wrap" tabIndex={0}>
          <table className="data-table" aria-busy={list.loading}>
            <caption>
              {t('persons.caption')} · {t(counted ? 'common.range' : 'common.rangeMore', { from: offset + 1, to: offset + items.length, total })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('persons.caseCode')}</th>
                <th scope="col">{t('persons.status')}</th>
                <th scope="col">{t('persons.identificationStatus')}</th>
                <th scope="col">{t('persons.gender')}</th>
                <th scope="col">{t('persons.birthYear')}</th>
                <th scope="col">{t('persons.citizenship')}</th>
                <th scope="col">{t('persons.created')}</th>
                <th scope="col">{t('persons.recorded')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="nowrap">
                    <Link to={personPage(p.id)}>{p.caseCode}</Link>
                  </th>
                  <td>
                    <span className={`status status--${p.status}`}>{t(`caseStatuses.${p.status}`)}</span>
                  </td>
                  <td>{t(`identificationStatuses.${p.identificationStatus}`)}</td>
                  <td>{t(`genders.${p.gender}`)}</td>
                  <td>{p.birthYear ?? t('common.none')}</td>
                  <td>{f.country(p.citizenship)}</td>
                  <td className="nowrap">{f.date(p.openedOn)}</td>
                  <td className="nowrap">{f.day(p.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ListPager offset={offset} pageSize={PAGE_SIZE} total={pagerTotal} onPage={page} />
    </Page>
  );
}
