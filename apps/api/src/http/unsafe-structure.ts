import { FieldProblem } from './validation-failed.error';

/**
 * Keys no DTO declares and class-transformer cannot be handed: an own `constructor` that is not
 * a function makes plainToInstance throw (a 500), and the names every object inherits
 * (`toString`, `hasOwnProperty`, …) slipped past the unknown-field check at the top level,
 * dropped silently instead of refused. `prototype` goes with them.
 */
const RESERVED = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/**
 * No request nests this deep (a link request: body.profile.field is 3); class-transformer
 * recurses once per level and overflowed the stack on a 64 KiB body of nested objects (a 500).
 */
export const MAX_NESTING = 32;

/**
 * What makes a parsed JSON value unsafe to hand to class-transformer: reserved keys anywhere,
 * named by their path, and nesting beyond MAX_NESTING (named at the first level too deep).
 * Walked without recursion, for the same reason.
 */
export function unsafeStructureProblems(value: unknown, prefix: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<[unknown, string, number]> = [[value, prefix, 0]];
  while (pending.length > 0) {
    const [current, path, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_NESTING) {
      problems.push({ field: path, code: 'NESTED_TOO_DEEP', message: `${path} nests more than ${MAX_NESTING} levels deep` });
      continue;
    }
    for (const key of Object.keys(current)) {
      const field = `${path}.${key}`;
      if (RESERVED.has(key)) problems.push({ field, code: 'UNKNOWN_FIELD', message: `${field} is not a known field` });
      else pending.push([(current as Record<string, unknown>)[key], field, depth + 1]);
    }
  }
  return problems;
}
