/**
 * Lengths of time in milliseconds, and instants shifted by them. Every rule that counts
 * minutes, hours or days (windows, cooling periods, configuration bounds) counts them here,
 * so a day is one number in the whole code base.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Days are fixed 24-hour spans on the UTC timeline: the rules count elapsed time, not calendar days. */
export const addDays = (date: Date, days: number): Date => new Date(date.getTime() + days * DAY_MS);
export const addHours = (date: Date, hours: number): Date => new Date(date.getTime() + hours * HOUR_MS);
export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * SECOND_MS);
export const addMinutes = (date: Date, minutes: number): Date => new Date(date.getTime() + minutes * MINUTE_MS);
