/** Today's date ('YYYY-MM-DD') in a time zone. No dependencies: the server, the shared schemas and the web app use it. */
export function todayIn(timeZone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
