import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fuzz, race and crash suites run small in `npm test` and long in `npm run test:reliability`
 * (SHOPLINK_RELIABILITY=long): the same checks, more requests, rounds and kills.
 */
export const RELIABILITY_LONG = process.env.SHOPLINK_RELIABILITY === 'long';

export const bySize = <T>(ci: T, long: T): T => (RELIABILITY_LONG ? long : ci);

const SUMMARY_FILE = join(__dirname, '..', 'artifacts', 'reliability-summary.jsonl');

/**
 * One line per suite with its figures, printed and also appended to test/artifacts (ignored by
 * git), so the figures in docs/reliability.md can be copied from the last run rather than from scrolled output.
 */
export function reportReliability(suite: string, figures: Record<string, number | string>): void {
  const size = RELIABILITY_LONG ? 'long' : 'ci';
  console.log(
    `[reliability] ${suite} (${size}): ${Object.entries(figures)
      .map(([name, value]) => `${name} ${value}`)
      .join(', ')}`,
  );
  mkdirSync(join(SUMMARY_FILE, '..'), { recursive: true });
  appendFileSync(SUMMARY_FILE, `${JSON.stringify({ at: new Date().toISOString(), suite, size, ...figures })}\n`);
}
