/** One bad input: where it is (`body.profile.ownerAge`, `header.X-Actor`, `path.shopId`) and what is wrong. */
export interface FieldProblem {
  readonly field: string;
  readonly code: string;
  readonly message: string;
}

/** Bad input, every bad field named; answered 400 and nothing is written. */
export class ValidationFailedError extends Error {
  readonly code = 'VALIDATION_FAILED';
  constructor(readonly problems: readonly FieldProblem[]) {
    super(`${problems.length} invalid field${problems.length === 1 ? '' : 's'}: ${[...new Set(problems.map((p) => p.field))].join(', ')}`);
    this.name = 'ValidationFailedError';
  }
}
