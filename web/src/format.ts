import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n';

const SCHOOL_TIME_ZONE = 'Europe/Riga';

const calendarDay = new Intl.DateTimeFormat('en-CA', { timeZone: SCHOOL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) a moment falls on in the school's time zone, whatever the browser's. */
export function schoolDayOf(iso: string): string {
  return calendarDay.format(new Date(iso));
}

/** Dates in the school's time zone and money in euro, in the current interface language. */
export function useFormat() {
  const { t, i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const dateLong = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, dateStyle: 'long' });
    const dateWithWeekday = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, dateStyle: 'full' });
    const dateTime = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23' });
    const time = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const euro = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
    const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    const weekdayShort = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, weekday: 'short' });
    const dayMonth = new Intl.DateTimeFormat(locale, { timeZone: SCHOOL_TIME_ZONE, day: 'numeric', month: 'short' });
    const kilobytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 });
    const megabytes = new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 });
    return {
      date: (iso: string) => dateLong.format(new Date(iso)),
      dayOf: (iso: string) => dateWithWeekday.format(new Date(iso)),
      dateTime: (iso: string) => dateTime.format(new Date(iso)),
      dateRange: (from: string, to: string) => dateLong.formatRange(new Date(from), new Date(to)),
      timeRange: (from: string, to: string) => `${time.format(new Date(from))}–${time.format(new Date(to))}`,
      price: (cents: number) => (cents === 0 ? t('common.free') : euro.format(cents / 100)),
      hours: (hours: number) => t('course.hoursValue', { count: hours, hours: number.format(hours) }),
      number: (value: number) => number.format(value),
      /** "pk", "Fri": the date scale's buttons. */
      weekdayShort: (iso: string) => weekdayShort.format(new Date(iso)),
      /** "5. dec.", "5 Dec". */
      dayMonth: (iso: string) => dayMonth.format(new Date(iso)),
      /** "12 kB", "3,4 MB" (1 kB = 1024 bytes here, as file managers show). */
      fileSize: (bytes: number) => (bytes < 1024 * 1024 ? kilobytes.format(Math.max(1, Math.round(bytes / 1024))) : megabytes.format(bytes / 1024 / 1024)),
    };
  }, [locale, t]);
}
