/** Time comes from here so tests and benchmarks can move it; production uses the system clock. */
export const CLOCK = Symbol('CLOCK');

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
