// Calendar days. A streak day is a day on the learner's own wall calendar, so days are handled as
// 'YYYY-MM-DD' strings obtained from Intl in the learner's IANA time zone, and distances between days
// are computed on those strings, never by subtracting instants: a 23- or 25-hour DST day is still one day.

/** A calendar day, 'YYYY-MM-DD'. */
export type CalendarDay = string;

const MS_PER_DAY = 86_400_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
// IANA names start with a letter ("UTC", "Europe/Berlin", "Etc/GMT+12"). Intl would also accept raw
// offsets such as "+05:00", but those ignore DST, so they are refused.
const TIME_ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z0-9_+\-/]*$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      calendar: 'gregory',
      numberingSystem: 'latn',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True for a time zone name Intl knows (IANA names and their aliases such as "UTC"). */
export function isValidTimeZone(timeZone: string): boolean {
  if (typeof timeZone !== 'string' || !TIME_ZONE_NAME_PATTERN.test(timeZone)) return false;
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The time zone to use for a learner: theirs when valid, else UTC. A bad value stored on a profile must
 * not make grading fail, so callers that cannot refuse input use this; profile updates should refuse
 * invalid names up front with isValidTimeZone.
 */
export function timeZoneOrUtc(timeZone: string | null | undefined): string {
  return timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC';
}

export interface LocalTime {
  day: CalendarDay;
  /** 0–23 */
  hour: number;
  minute: number;
}

function assertInstant(instant: Date): void {
  if (!(instant instanceof Date) || Number.isNaN(instant.getTime())) {
    throw new RangeError('instant must be a valid Date');
  }
}

/** The wall-clock day and time of `instant` in `timeZone`. Throws RangeError for an unknown zone. */
export function localTime(instant: Date, timeZone: string): LocalTime {
  assertInstant(instant);
  if (!isValidTimeZone(timeZone)) throw new RangeError(`unknown time zone: ${timeZone}`);
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    day: `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
  };
}

/** The calendar day of `instant` on the wall calendar of `timeZone`, as 'YYYY-MM-DD'. */
export function localDay(instant: Date, timeZone: string): CalendarDay {
  return localTime(instant, timeZone).day;
}

/** Days since 1970-01-01 for a 'YYYY-MM-DD' string. Throws RangeError for anything else. */
function dayNumber(day: CalendarDay): number {
  const match = DAY_PATTERN.exec(day);
  if (match) {
    const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Date.UTC is plain proleptic-Gregorian arithmetic with no time zone, hence no DST.
    const ms = Date.UTC(year, month - 1, date);
    const check = new Date(ms);
    if (check.getUTCFullYear() === year && check.getUTCMonth() === month - 1 && check.getUTCDate() === date) {
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
}

function dayFromNumber(dayNum: number): CalendarDay {
  return new Date(dayNum * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isCalendarDay(value: string): boolean {
  try {
    dayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** Whole calendar days from `dayA` to `dayB` (positive when B is later): '2026-03-07' → '2026-03-09' is 2. */
export function daysBetween(dayA: CalendarDay, dayB: CalendarDay): number {
  return dayNumber(dayB) - dayNumber(dayA);
}

/** The day `days` calendar days after `day` (negative goes back). */
export function addDays(day: CalendarDay, days: number): CalendarDay {
  if (!Number.isSafeInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return dayFromNumber(dayNumber(day) + days);
}

/** ISO 8601 week of a calendar day, as 'YYYY-Www' (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeekOfDay(day: CalendarDay): string {
  const dayNum = dayNumber(day);
  // 1970-01-01 was a Thursday; ISO weekday 1 = Monday ... 7 = Sunday.
  const isoWeekday = ((((dayNum + 3) % 7) + 7) % 7) + 1;
  // The Thursday of this ISO week decides which year the week belongs to.
  const thursday = dayNum + (4 - isoWeekday);
  const weekYear = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const firstOfYear = Date.UTC(weekYear, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - firstOfYear) / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

/** The Monday that starts the ISO week containing `day`. */
export function isoWeekStart(day: CalendarDay): CalendarDay {
  const dayNum = dayNumber(day);
  const isoWeekday = ((((dayNum + 3) % 7) + 7) % 7) + 1;
  return dayFromNumber(dayNum - (isoWeekday - 1));
}

/** Leaderboard day of an instant: the UTC calendar day (boards are shared across time zones). */
export function dayKey(instant: Date): CalendarDay {
  assertInstant(instant);
  return instant.toISOString().slice(0, 10);
}

/** Leaderboard week of an instant: the ISO week of its UTC day, 'YYYY-Www'. */
export function weekKey(instant: Date): string {
  return isoWeekOfDay(dayKey(instant));
}
