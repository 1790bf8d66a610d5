// The state of a filtered, paged list page: the filters applied (from the address), the form being
// edited, the page offset, and going to another filter or page.
import { useState } from 'react';
import { withQuery } from './api.ts';
import { navigate, useLocation } from './router.tsx';

export function useListQuery<K extends string>(path: string, keys: readonly K[]) {
  const { query } = useLocation();
  const applied = Object.fromEntries(keys.map((k) => [k, query.get(k) ?? ''])) as Record<K, string>;
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const [form, setForm] = useState<Record<K, string>>(applied);
  const set = (k: K) => (v: string) => setForm({ ...form, [k]: v });
  const go = (params: Record<string, string | number>) => navigate(withQuery(path, params));
  /** Empties the form and shows the unfiltered first page. */
  const clear = () => {
    setForm(Object.fromEntries(keys.map((k) => [k, ''])) as Record<K, string>);
    go({});
  };
  /** Shows the page starting at `to` with the applied filters. */
  const page = (to: number) => go({ ...applied, offset: to });
  return { applied, offset, form, set, go, clear, page };
}
