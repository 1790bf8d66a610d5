// The pages, their addresses, and the access-rule action each needs (from src/access/rules.ts).
import type { ComponentType } from 'react';
import type { Action } from '../../src/access/rules.ts';
import { AccountPage } from './pages/Account.tsx';
import { AgenciesPage } from './pages/Agencies.tsx';
import { AgencyCreatePage } from './pages/AgencyCreate.tsx';
import { AuditPage } from './pages/Audit.tsx';
import { HomePage } from './pages/Home.tsx';
import { SecuritySettingsPage } from './pages/SecuritySettings.tsx';
import { UserCreatePage } from './pages/UserCreate.tsx';
import { UserEditPage } from './pages/UserEdit.tsx';
import { UsersPage } from './pages/Users.tsx';

export type NavKey = 'home' | 'users' | 'agencies' | 'audit' | 'security' | 'account';

export interface Route {
  path: string;
  action: Action;
  /** Shown in the navigation under this label key. */
  nav?: NavKey;
  component: ComponentType<{ params: Record<string, string> }>;
}

// More specific patterns first: /users/new before /users/:id.
export const routes: Route[] = [
  { path: '/', action: 'session.self', nav: 'home', component: HomePage },
  { path: '/users', action: 'users.list', nav: 'users', component: UsersPage },
  { path: '/users/new', action: 'users.create', component: UserCreatePage },
  { path: '/users/:id', action: 'users.update', component: UserEditPage },
  { path: '/agencies', action: 'agencies.list', nav: 'agencies', component: AgenciesPage },
  { path: '/agencies/new', action: 'agencies.create', component: AgencyCreatePage },
  { path: '/audit', action: 'audit.list', nav: 'audit', component: AuditPage },
  { path: '/settings/security', action: 'settings.read', nav: 'security', component: SecuritySettingsPage },
  { path: '/account', action: 'session.self', nav: 'account', component: AccountPage },
];
