// The two boundaries every window of the rules shares, written once so they cannot drift apart:
// a window that ends at an instant is over at exactly that instant, and an instant exactly
// `days` ago has left the window of the last `days` days.
import { addDays } from './durations';

/** Whether a window ending at `endsAt` is over at `now`; at exactly `endsAt` it is. An unreadable end is never reached. */
export const hasEnded = (endsAt: Date | string, now: Date): boolean => now.getTime() >= instant(endsAt);

/** The start of the window of the last `days` days before `now`: the instant `days` ago, itself outside the window. */
export const windowStart = (now: Date, days: number): Date => addDays(now, -days);

/** Whether `at` falls in the last `days` days before `now`: strictly after windowStart (later instants count too). */
export const isWithinLastDays = (at: Date | string, now: Date, days: number): boolean => instant(at) > windowStart(now, days).getTime();

const instant = (at: Date | string): number => (typeof at === 'string' ? Date.parse(at) : at.getTime());
