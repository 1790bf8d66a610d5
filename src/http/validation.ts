import type { FastifySchemaCompiler, FastifySchemaValidationError } from 'fastify';
import type { z } from 'zod';

/** One failed rule, as Fastify carries it to the error handler, with zod's own issue beside it. */
export interface ZodValidationItem extends FastifySchemaValidationError {
  issue: z.core.$ZodIssue;
}

/**
 * Validates requests with the route's zod schema. Unlike the type provider's own compiler it keeps
 * each issue whole (with the input it judged), so the error handler can word zod's default
 * messages in the caller's language; the issues never leave the server as they are.
 */
export const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data, { reportInput: true });
    if (result.success) return { value: result.data };
    const error: ZodValidationItem[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.join('/')}`,
      schemaPath: `#/${issue.path.join('/')}/${issue.code}`,
      message: issue.message,
      params: { ...issue, input: undefined },
      issue,
    }));
    return { error };
  };

export const isZodValidationError = (err: unknown): err is Error & { validation: ZodValidationItem[]; validationContext?: string } => {
  const v = (err as { validation?: unknown }).validation;
  return Array.isArray(v) && v.length > 0 && typeof v[0] === 'object' && v[0] !== null && 'issue' in v[0];
};
