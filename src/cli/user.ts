import { randomBytes } from 'node:crypto';
import { CreateUserInput } from '../accounts/schema.ts';
import { createUser } from '../accounts/users.ts';
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
    const parsed = CreateUserInput.safeParse({
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
    const user = await ctx.db.transaction().execute((trx) => createUser(trx, parsed.data, { actor: null, details: { via: 'cli' } }));
    process.stdout.write(`Created ${user.username} (${user.roles.join(', ')}) in ${agency.code}\n`);
    if (generated) process.stdout.write(`Password (shown once; must be changed at first sign-in): ${password}\n`);
  } catch (err) {
    if (err instanceof AppError) throw new Error(`${err.message}: ${err.fields.map((f) => `${f.path} ${f.message}`).join("; ")}`, { cause: err });
    throw err;
  } finally {
    await db.close();
  }
}
