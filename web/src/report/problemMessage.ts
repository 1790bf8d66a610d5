// The report's problems in the interface language: the validation panel's (code and params from
// src/report/validation.ts) and the definition checker's field errors (code and params from
// src/report/definition/check.ts). The server's English message is shown only for a code this
// client does not know (a newer server).
import type { TFunction } from 'i18next';
import { DEFINITION_CODES, PART_PLACES, PROBLEM_CODES, type DefinitionCode, type PartPlace, type ProblemCode, type ProblemParams } from '../../../src/report/problems.ts';
import type { FieldError } from '../api.ts';
import { fieldMessage } from '../errors.ts';
import type { Overview } from './report.ts';

type Problem = Overview['problems'][number];

const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);
const isDefinitionCode = (code: string): code is DefinitionCode => (DEFINITION_CODES as readonly string[]).includes(code);
const isPlace = (place: unknown): place is PartPlace => (PART_PLACES as readonly unknown[]).includes(place);

/** A validation panel problem, said from its code and values. */
export function problemMessage(t: TFunction, p: Problem): string {
  return isProblemCode(p.code) ? t(`report.problems.${p.code}`, p.params) : p.message;
}

/** A definition checker error as the server sends it in `fields`: a path, and (from this server) a code and values. */
export type CheckError = FieldError & { code?: string; params?: ProblemParams };

/** A definition checker error, said from its code and values; other field errors as before. */
export function checkMessage(t: TFunction, f: CheckError): string {
  if (!f.code || !isDefinitionCode(f.code)) return fieldMessage(t, f.message);
  const params = f.params ?? {};
  // Where a part is asked for ("a pie chart", "{*id}") is words of its own.
  const where = isPlace(params.place) ? t(`reportEditor.partPlaces.${params.place}`, { detail: params.detail ?? '' }) : '';
  return t(`reportEditor.checks.${f.code}`, { ...params, where, whole: `{${String(params.figure ?? '')}}` });
}
