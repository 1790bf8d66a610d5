// How a score is written for people (the web app).

/**
 * Four decimals, as the API rounds them. The threshold has four decimals too, and an unflagged
 * result's score stops at least 0.0001 below it (screen.ts), so an unflagged item never reads as
 * reaching the threshold: with threshold 0.7521 it shows 0.7519 or 0.7520, never "0.75".
 */
export function formatScore(score: number): string {
  return score.toFixed(4);
}
