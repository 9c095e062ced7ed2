/**
 * A place in the global log (`$all`). Shaped on KurrentDB, whose positions are a
 * commit/prepare pair of 64-bit numbers; the embedded store uses one sequence for both.
 * Positions cross HTTP as strings (`"42"`, or `"42.40"` when commit and prepare differ),
 * so no adapter loses precision on the way.
 */
export interface Position {
  readonly commit: bigint;
  readonly prepare: bigint;
}

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export function positionAt(sequence: bigint | number): Position {
  const n = BigInt(sequence);
  return { commit: n, prepare: n };
}

export function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

export function encodePosition(p: Position): string {
  return p.commit === p.prepare ? p.commit.toString() : `${p.commit}.${p.prepare}`;
}

const POSITION_PATTERN = /^(0|[1-9][0-9]{0,19})(?:\.(0|[1-9][0-9]{0,19}))?$/;

/** Parses the wire form; `null` when the text is not a position. */
export function parsePosition(text: string): Position | null {
  const match = POSITION_PATTERN.exec(text);
  if (!match) return null;
  const commit = BigInt(match[1]);
  const prepare = match[2] === undefined ? commit : BigInt(match[2]);
  return { commit, prepare };
}
