// Which hotline rows a user reaches: the same filters for lists, single reads and the home page.
import { scopesFor } from '../access/rules.ts';
import { scopeFilter, type ScopeColumns } from '../access/scope.ts';
import type { Auth } from '../http/types.ts';

const contactScope: ScopeColumns = { own: 'hotline_contacts.created_by', agency: 'hotline_contacts.agency_id' };
const tipScope: ScopeColumns = { own: 'hotline_tips.created_by', agency: 'hotline_tips.agency_id' };
export const contactsVisible = (auth: Auth) => scopeFilter(auth, scopesFor(auth.roles, 'hotline.read'), contactScope);
export const tipsVisible = (auth: Auth) => scopeFilter(auth, scopesFor(auth.roles, 'tips.read'), tipScope);
/** Changes to a contact follow the logging scope, which is narrower than reading for national roles. */
export const contactsWritable = (auth: Auth) => scopeFilter(auth, scopesFor(auth.roles, 'hotline.log'), contactScope);
