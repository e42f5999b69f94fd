/** How dates, availability and ratings read in the app (English, the library's time zone). */

const DAY_MS = 24 * 60 * 60 * 1000;

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export type Tone = 'ok' | 'warn' | 'bad' | 'muted';

/** A book's availability as a short phrase and a tone. */
export function availabilityText(
  availability: { readonly total: number; readonly available: number } | null | undefined,
): { text: string; tone: Tone } {
  if (!availability) return { text: 'Availability unknown', tone: 'muted' };
  const { total, available } = availability;
  if (total === 0) return { text: 'No copies yet', tone: 'muted' };
  if (available === 0) return { text: total === 1 ? 'On loan' : `All ${total} copies out`, tone: 'warn' };
  return { text: `${available} of ${total} available`, tone: 'ok' };
}

/** Where a loan stands against its due date: overdue, due within `soonDays`, or fine. */
export function dueState(dueAt: string, now: number, soonDays = 3): 'overdue' | 'due-soon' | 'ok' {
  const due = new Date(dueAt).getTime();
  if (due < now) return 'overdue';
  if (due - now <= soonDays * DAY_MS) return 'due-soon';
  return 'ok';
}

/** "in 3 days", "tomorrow", "today", "2 days ago". */
export function relativeDays(iso: string, now: number): string {
  const days = Math.round((startOfDay(new Date(iso).getTime()) - startOfDay(now)) / DAY_MS);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

function startOfDay(ms: number): number {
  const date = new Date(ms);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** "4.3 out of 5 (12 ratings)", or that nobody rated it. */
export function ratingText(
  rating: { readonly average?: number | null; readonly count: number } | null | undefined,
): string {
  if (!rating || rating.count === 0 || rating.average == null) return 'Not rated yet';
  return `${rating.average.toFixed(1)} out of 5 (${rating.count} ${rating.count === 1 ? 'rating' : 'ratings'})`;
}

/** 1 → "1st", 2 → "2nd", 11 → "11th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
