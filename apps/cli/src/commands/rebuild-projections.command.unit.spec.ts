import { progressBar, progressLine } from './rebuild-projections.command';

describe('rebuild-projections progress', () => {
  const at = (eventsDone: number, eventsTotal: number) => ({
    phase: 'replaying' as const,
    eventsDone,
    eventsTotal,
    position: null,
    elapsedSeconds: 1,
    eventsPerSecond: 48_210,
  });

  it('draws a bar of the fraction done, with counts and events/s', () => {
    expect(progressBar(at(520_000, 1_000_000), 10)).toBe('[█████░░░░░]  52%  520,000 / 1,000,000 events  48,210 events/s  replaying');
    expect(progressBar(at(0, 1_000_000), 4)).toBe('[░░░░]   0%  0 / 1,000,000 events  48,210 events/s  replaying');
    expect(progressBar(at(0, 0), 4)).toBe('[████] 100%  0 / 0 events  48,210 events/s  replaying');
  });

  it('writes a plain line where there is no terminal', () => {
    expect(progressLine(at(250, 1_000))).toBe('rebuild-projections: replaying, 250 / 1,000 events  48,210 events/s (25%)');
  });
});
