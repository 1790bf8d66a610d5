/** One formatter per time zone: building an Intl.DateTimeFormat costs far more than using one (it showed in request profiles). */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Today's date ('YYYY-MM-DD') in a time zone. No dependencies: the server, the shared schemas and the web app use it. */
export function todayIn(timeZone: string, now = new Date()): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(now);
}
