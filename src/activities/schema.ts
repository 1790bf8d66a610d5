// The activities register: shared with the web app, so this file imports only zod.
import { z } from 'zod';

export const ActivityKind = z.enum(['awareness_event', 'training', 'publication', 'media', 'international_event']);
export type ActivityKind = z.infer<typeof ActivityKind>;

/** Who a training was for; the annual report counts people trained by these. */
export const Audience = z.enum([
  'judges', 'prosecutors', 'police', 'border_guards', 'customs', 'labour_inspectors', 'migration_officers', 'social_workers',
  'school_psychologists', 'teachers', 'health_workers', 'tour_operators', 'ngo_staff', 'students', 'volunteers', 'general_public', 'other',
]);
export type Audience = z.infer<typeof Audience>;

const CalendarDate = z.iso.date();
const count = z.number().int().min(0).max(10_000_000);

export const ActivityInput = z
  .strictObject({
    agencyId: z.uuid(),
    kind: ActivityKind,
    title: z.string().trim().min(3).max(300),
    date: CalendarDate,
    place: z.string().trim().min(1).max(200).nullable().optional(),
    online: z.boolean().nullable().optional(),
    abroad: z.boolean().nullable().optional(),
    audience: Audience.nullable().optional(),
    participants: count.nullable().optional(),
    trainers: count.nullable().optional(),
    copies: count.nullable().optional(),
    languages: z.array(z.string().regex(/^[a-z]{2}$/, 'a two-letter language code')).max(10).nullable().optional(),
    partner: z.string().trim().min(1).max(200).nullable().optional(),
    outlet: z.string().trim().min(1).max(200).nullable().optional(),
  })
  .superRefine((a, ctx) => {
    // What each kind must say so that it can feed the report's figures.
    const need: Record<ActivityKind, (keyof typeof a)[]> = {
      awareness_event: [],
      training: ['audience', 'participants', 'online'],
      publication: ['copies', 'languages'],
      media: ['outlet'],
      international_event: ['abroad', 'online', 'partner'],
    };
    for (const k of need[a.kind]) {
      const v = a[k];
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) ctx.addIssue({ code: 'custom', path: [k], message: 'required' });
    }
    if (a.kind === 'training' && a.online === false && !a.place) ctx.addIssue({ code: 'custom', path: ['place'], message: 'required' });
  });
export type ActivityInput = z.infer<typeof ActivityInput>;

export const Activity = z.object({
  id: z.uuid(),
  agencyId: z.uuid(),
  agencyCode: z.string(),
  kind: ActivityKind,
  title: z.string(),
  date: z.string(),
  place: z.string().nullable(),
  online: z.boolean().nullable(),
  abroad: z.boolean().nullable(),
  audience: Audience.nullable(),
  participants: z.number().nullable(),
  trainers: z.number().nullable(),
  copies: z.number().nullable(),
  languages: z.array(z.string()).nullable(),
  partner: z.string().nullable(),
  outlet: z.string().nullable(),
});
export type Activity = z.infer<typeof Activity>;

export const ActivityListQuery = z.strictObject({
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  kind: ActivityKind.optional(),
});
export const ActivityList = z.object({
  items: z.array(Activity),
  /** People trained by audience, over the listed trainings. */
  trainedByAudience: z.record(z.string(), z.number()),
});
