/** A user's count of one kind of costly request in one fixed window. */
export interface RateLimitsTable {
  id: string;
  window_ends: Date;
  hits: number;
}
