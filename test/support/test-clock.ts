import { Clock } from '@shoplink/command-handling';

/** A clock the scenario moves by hand (e.g. past the 48-hour authorization window). */
export class TestClock implements Clock {
  private current: Date;

  constructor(start = '2026-11-01T09:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advanceHours(hours: number): void {
    this.current = new Date(this.current.getTime() + hours * 3_600_000);
  }
}
