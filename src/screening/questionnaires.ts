// Stored questionnaires: on a person's record when linked; notes encrypted.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { decryptOptional, encryptOptional, type FieldKey } from '../crypto/fields.ts';
import type { Principal } from '../access/scope.ts';
import { AppError } from '../errors.ts';
import { QUESTIONS, assess, type Answer } from './questionnaire.ts';
import type { Indicator } from './indicators.ts';

type Db = Kysely<Database>;
const known = new Set(QUESTIONS.map((q) => q.id));

export async function recordQuestionnaire(
  trx: Db,
  key: FieldKey,
  input: { lang: 'az' | 'en' | 'ru'; answers: Record<string, Answer>; personId?: string | null; notes?: string },
  who: Principal,
) {
  const unknown = Object.keys(input.answers).filter((k) => !known.has(k));
  if (unknown.length) throw new AppError('validation_failed', 'Unknown questions', unknown.map((k) => ({ path: `answers.${k}`, message: 'no such question' })));
  const { indicators, action } = assess(input.answers);
  const row = await trx
    .insertInto('screening_questionnaires')
    .values({
      person_id: input.personId ?? null,
      agency_id: who.agencyId,
      created_by: who.userId,
      lang: input.lang,
      answers: JSON.stringify(input.answers),
      indicators: JSON.stringify(indicators),
      action,
      notes_enc: encryptOptional(key, input.notes ?? null),
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    personId: input.personId ?? null,
    createdAt: new Date(row.created_at).toISOString(),
    lang: input.lang,
    answers: input.answers,
    indicators,
    action,
    notes: input.notes ?? null,
  };
}

export async function personQuestionnaires(db: Db, key: FieldKey, personId: string) {
  const rows = await db.selectFrom('screening_questionnaires').selectAll().where('person_id', '=', personId).orderBy('created_at', 'desc').execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      createdAt: new Date(r.created_at).toISOString(),
      lang: r.lang as 'az' | 'en' | 'ru',
      answers: r.answers as Record<string, Answer>,
      indicators: r.indicators as Indicator[],
      action: r.action as 'shelter' | 'refer_police' | 'call_152' | 'none',
      notes: decryptOptional(key, r.notes_enc),
    })),
  };
}
