import { describe, expect, it } from '@jest/globals';
import {
  addDays,
  daysBetween,
  dayKey,
  isCalendarDay,
  isoWeekOfDay,
  isoWeekStart,
  isValidTimeZone,
  localDay,
  localTime,
  timeZoneOrUtc,
  weekKey,
} from './calendar';

const KIRITIMATI = 'Pacific/Kiritimati'; // UTC+14 all year
const UTC_MINUS_12 = 'Etc/GMT+12'; // POSIX sign: GMT+12 is 12 hours *behind* UTC
const at = (iso: string) => new Date(iso);

describe('time zones', () => {
  it('accepts IANA names and UTC', () => {
    for (const zone of ['UTC', 'Europe/Berlin', 'America/New_York', KIRITIMATI, UTC_MINUS_12]) {
      expect(isValidTimeZone(zone)).toBe(true);
    }
  });

  it('refuses unknown names, raw offsets and empty strings', () => {
    for (const zone of ['Mars/Olympus_Mons', '+05:00', '-12:00', '', 'Europe/', 'utc offset']) {
      expect(isValidTimeZone(zone)).toBe(false);
    }
  });

  it('falls back to UTC for a missing or bad zone', () => {
    expect(timeZoneOrUtc(undefined)).toBe('UTC');
    expect(timeZoneOrUtc(null)).toBe('UTC');
    expect(timeZoneOrUtc('Nowhere/Land')).toBe('UTC');
    expect(timeZoneOrUtc(KIRITIMATI)).toBe(KIRITIMATI);
  });

  it('localDay throws on an unknown zone or an invalid date', () => {
    expect(() => localDay(at('2026-01-01T00:00:00Z'), 'Nowhere/Land')).toThrow(RangeError);
    expect(() => localDay(new Date(Number.NaN), 'UTC')).toThrow(RangeError);
  });
});

describe('midnight edges far from UTC', () => {
  it('the same instant is two days apart in UTC+14 and UTC−12', () => {
    const instant = at('2026-11-21T11:00:00Z');
    expect(localDay(instant, KIRITIMATI)).toBe('2026-11-22');
    expect(localDay(instant, UTC_MINUS_12)).toBe('2026-11-20');
    expect(localDay(instant, 'UTC')).toBe('2026-11-21');
  });

  it('UTC+14: midnight is 10:00 UTC the day before', () => {
    expect(localTime(at('2026-11-21T09:59:59Z'), KIRITIMATI)).toEqual({ day: '2026-11-21', hour: 23, minute: 59 });
    expect(localTime(at('2026-11-21T10:00:00Z'), KIRITIMATI)).toEqual({ day: '2026-11-22', hour: 0, minute: 0 });
  });

  it('UTC−12: midnight is 12:00 UTC the same day', () => {
    expect(localTime(at('2026-11-21T11:59:59Z'), UTC_MINUS_12)).toEqual({ day: '2026-11-20', hour: 23, minute: 59 });
    expect(localTime(at('2026-11-21T12:00:00Z'), UTC_MINUS_12)).toEqual({ day: '2026-11-21', hour: 0, minute: 0 });
  });

  it('crosses a year boundary locally', () => {
    expect(localDay(at('2026-12-31T10:00:00Z'), KIRITIMATI)).toBe('2027-01-01');
    expect(localDay(at('2027-01-01T11:00:00Z'), UTC_MINUS_12)).toBe('2026-12-31');
  });
});

describe('DST days are one calendar day each', () => {
  it('America/New_York spring-forward day (23 hours) is one day', () => {
    // 2026-03-08: 02:00 EST jumps to 03:00 EDT.
    const start = at('2026-03-08T05:00:00Z'); // 00:00 EST
    const end = at('2026-03-09T03:59:00Z'); // 23:59 EDT
    expect(localDay(start, 'America/New_York')).toBe('2026-03-08');
    expect(localDay(end, 'America/New_York')).toBe('2026-03-08');
    expect(localDay(at('2026-03-09T04:00:00Z'), 'America/New_York')).toBe('2026-03-09');
    // 23:30 the evening before and 23:30 that evening are 23 hours apart yet one day apart.
    const before = localDay(at('2026-03-08T04:30:00Z'), 'America/New_York');
    const after = localDay(at('2026-03-09T03:30:00Z'), 'America/New_York');
    expect([before, after]).toEqual(['2026-03-07', '2026-03-08']);
    expect(daysBetween(before, after)).toBe(1);
  });

  it('America/New_York fall-back day (25 hours) is one day', () => {
    // 2026-11-01: 02:00 EDT falls back to 01:00 EST; 01:30 happens twice, both on the 1st.
    expect(localDay(at('2026-11-01T05:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    expect(localDay(at('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01');
    // 00:10 EDT and 23:50 EST are 24 h 40 min apart and still the same day.
    const early = localDay(at('2026-11-01T04:10:00Z'), 'America/New_York');
    const late = localDay(at('2026-11-02T04:50:00Z'), 'America/New_York');
    expect(early).toBe('2026-11-01');
    expect(late).toBe('2026-11-01');
    expect(daysBetween(early, late)).toBe(0);
  });

  it('Europe/Berlin spring-forward and fall-back days', () => {
    // 2026-03-29 02:00 CET → 03:00 CEST; 23:30 on the 28th and on the 29th are 23 hours apart.
    expect(localDay(at('2026-03-28T22:30:00Z'), 'Europe/Berlin')).toBe('2026-03-28');
    expect(localDay(at('2026-03-29T21:30:00Z'), 'Europe/Berlin')).toBe('2026-03-29');
    expect(localDay(at('2026-03-29T22:00:00Z'), 'Europe/Berlin')).toBe('2026-03-30');
    // 2026-10-25 03:00 CEST → 02:00 CET; the day runs from 22:00Z on the 24th to 23:00Z on the 25th.
    expect(localDay(at('2026-10-24T22:00:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T22:59:00Z'), 'Europe/Berlin')).toBe('2026-10-25');
    expect(localDay(at('2026-10-25T23:00:00Z'), 'Europe/Berlin')).toBe('2026-10-26');
  });
});

describe('calendar arithmetic', () => {
  it('daysBetween counts calendar days, across months, leap days and DST dates', () => {
    expect(daysBetween('2026-03-07', '2026-03-09')).toBe(2);
    expect(daysBetween('2026-03-09', '2026-03-07')).toBe(-2);
    expect(daysBetween('2026-10-31', '2026-11-02')).toBe(2);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-05-05', '2026-05-05')).toBe(0);
  });

  it('addDays walks the calendar', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('refuses strings that are not real days', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-1', '21/11/2026', '']) {
      expect(isCalendarDay(bad)).toBe(false);
      expect(() => daysBetween(bad, '2026-01-01')).toThrow(RangeError);
    }
    expect(isCalendarDay('2028-02-29')).toBe(true);
  });
});

describe('leaderboard periods (UTC days, ISO weeks)', () => {
  it('dayKey is the UTC day whatever the learner’s zone', () => {
    expect(dayKey(at('2026-11-21T23:59:59Z'))).toBe('2026-11-21');
    expect(dayKey(at('2026-11-22T00:00:00Z'))).toBe('2026-11-22');
  });

  it.each([
    ['2026-11-21', '2026-W47'],
    ['2026-01-01', '2026-W01'],
    ['2025-12-29', '2026-W01'], // Monday of week 1 of 2026
    ['2025-12-28', '2025-W52'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-12-30', '2025-W01'],
  ])('ISO week of %s is %s', (day, week) => {
    expect(isoWeekOfDay(day)).toBe(week);
  });

  it('weeks start on Monday 00:00 UTC', () => {
    expect(weekKey(at('2026-11-22T23:59:59Z'))).toBe('2026-W47'); // Sunday
    expect(weekKey(at('2026-11-23T00:00:00Z'))).toBe('2026-W48'); // Monday
    expect(isoWeekStart('2026-11-21')).toBe('2026-11-16');
    expect(isoWeekStart('2026-11-16')).toBe('2026-11-16');
    expect(isoWeekStart('2027-01-03')).toBe('2026-12-28');
  });
});
