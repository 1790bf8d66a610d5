import type { Kysely } from 'kysely';

/** Issue 18: action-plan measures get a Russian text beside the Azerbaijani and English (optional: older measures have none). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nap_measures').addColumn('text_ru', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('nap_measures').dropColumn('text_ru').execute();
}
