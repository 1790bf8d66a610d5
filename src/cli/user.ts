import { randomBytes } from 'node:crypto';
import { issueCode } from '../accounts/codes.ts';
import { mustEnrolSecondFactor } from '../accounts/login.ts';
import { NewAccount } from '../accounts/schema.ts';
import { createUser } from '../accounts/users.ts';
import { appendAudit } from '../audit/record.ts';
import { agencyByCode } from '../agencies/agencies.ts';
import { openContext } from '../boot.ts';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';

const optionOf: Record<string, string> = { username: '--username', displayName: '--name', email: '--email', agencyId: '--agency', roles: '--role', password: '--password' };

export async function createUserCommand(config: Config, opts: { username: string; name: string; agency: string; role: string[]; email?: string; password?: string }) {
  const { ctx, db } = await openContext(config);
  try {
    const agency = await agencyByCode(ctx.db, opts.agency);
    if (!agency) throw new Error(`--agency: no agency with code "${opts.agency}"`);
    const generated = !opts.password && !process.env.AZAD_NEW_USER_PASSWORD;
    const password = opts.password ?? process.env.AZAD_NEW_USER_PASSWORD ?? randomBytes(15).toString('base64url');
    const parsed = NewAccount.safeParse({
      username: opts.username,
      displayName: opts.name,
      email: opts.email ?? null,
      agencyId: agency.id,
      roles: opts.role,
      password,
      mustChangePassword: generated,
    });
    if (!parsed.success) {
      const lines = parsed.error.issues.map((i) => {
        const field = String(i.path[0]);
        const value = field === 'roles' && typeof i.path[1] === 'number' ? ` "${opts.role[i.path[1]]}"` : '';
        return `${optionOf[field] ?? field}${value}: ${i.message}`;
      });
      throw new Error(lines.join('\n'));
    }
    const { user, enrolment } = await ctx.db.transaction().execute(async (trx) => {
      const created = await createUser(trx, parsed.data, { actor: null, details: { via: 'cli' } });
      // A role that requires a second factor gets its first-enrolment code with the password.
      const code = (await mustEnrolSecondFactor(trx, created.roles, false)) ? await issueCode(trx, created.id, 'enrolment', null) : null;
      return { user: created, enrolment: code };
    });
    process.stdout.write(`Created ${user.username} (${user.roles.join(', ')}) in ${agency.code}\n`);
    if (generated) process.stdout.write(`Password (shown once; must be changed at first sign-in): ${password}\n`);
    if (enrolment) process.stdout.write(`Two-factor enrolment code (shown once; valid until ${enrolment.expiresAt}): ${enrolment.code}\n`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(`${err.message}: ${err.fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}

/**
 * The CLI's way back in for a locked-out account (the last administrator lost their phone): whoever
 * runs it has the server's OS access, which already reaches the database and the key.
 */
export async function issueCodeCommand(config: Config, opts: { username: string; purpose: string }) {
  if (opts.purpose !== 'reset' && opts.purpose !== 'enrolment') throw new Error('--purpose: reset or enrolment');
  const purpose = opts.purpose;
  const { ctx, db } = await openContext(config);
  try {
    const code = await ctx.db.transaction().execute(async (trx) => {
      const row = await trx.selectFrom('users').select('id').where('username', '=', opts.username.toLowerCase()).executeTakeFirst();
      if (!row) throw new Error(`--username: no account "${opts.username}"`);
      const issued = await issueCode(trx, row.id, purpose, null);
      await appendAudit(trx, { actor: null, action: 'users.code_issued', outcome: 'ok', targetType: 'user', targetId: row.id, details: { via: 'cli', purpose, expiresAt: issued.expiresAt } });
      return issued;
    });
    process.stdout.write(`One-time ${purpose} code for ${opts.username} (shown once; valid until ${code.expiresAt}): ${code.code}\n`);
  } finally {
    await db.close();
  }
}
