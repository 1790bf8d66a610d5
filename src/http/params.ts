import { z } from 'zod';

/** The `:id` route parameter every resource route takes. */
export const IdParams = z.strictObject({ id: z.uuid() });
