/** One interchange record as the generator emits it: the wire shape of src/interchange. */
export type Rec = { type: string; id: string } & Record<string, unknown>;

/** Drops null and undefined fields, as the exporter does, so generated and exported lines look alike. */
export function rec(type: string, id: string, fields: Record<string, unknown>): Rec {
  const out: Rec = { type, id };
  for (const [k, v] of Object.entries(fields)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}
