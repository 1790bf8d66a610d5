// Loading server data into components, with a small cache for lists every page needs.
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import type { AgencyList } from '../../src/agencies/schema.ts';
import type { Profile as ProfileSchema } from '../../src/profile/schema.ts';
import { api } from './api.ts';

export type Agency = z.infer<typeof AgencyList>['items'][number];
export type Profile = z.infer<typeof ProfileSchema>;

export interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

const cache = new Map<string, Promise<unknown>>();

/** Forgets a cached path (after a change) or everything (at sign-out). */
export function invalidate(path?: string) {
  if (path === undefined) cache.clear();
  else cache.delete(path);
}

function load<T>(path: string, cached: boolean): Promise<T> {
  if (!cached) return api.get<T>(path);
  let p = cache.get(path) as Promise<T> | undefined;
  if (!p) {
    p = api.get<T>(path);
    cache.set(path, p);
    p.catch(() => cache.delete(path));
  }
  return p;
}

/** GETs `path` (null: nothing yet) and re-fetches when it changes; keeps the last data meanwhile. */
export function useResource<T>(path: string | null, opts: { cached?: boolean } = {}): Resource<T> {
  const cached = opts.cached ?? false;
  const [tick, setTick] = useState(0);
  const key = path === null ? null : `${tick}:${path}`;
  const [state, setState] = useState<{ key: string | null; data?: T; error?: unknown }>({ key: null });

  useEffect(() => {
    if (path === null || key === null) return;
    let live = true;
    load<T>(path, cached).then(
      (data) => live && setState({ key, data }),
      (error: unknown) => live && setState((s) => ({ key, data: s.data, error })),
    );
    return () => {
      live = false;
    };
  }, [path, key, cached]);

  const reload = useCallback(() => {
    if (path) invalidate(path);
    setTick((n) => n + 1);
  }, [path]);

  const current = key !== null && state.key === key;
  return { data: state.data, error: current ? state.error : undefined, loading: key !== null && !current, reload };
}

export const useAgencies = () => useResource<z.infer<typeof AgencyList>>('/api/agencies', { cached: true });
export const useProfile = () => useResource<Profile>('/api/profile', { cached: true });
