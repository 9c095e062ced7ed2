/** A setting is missing or malformed; the message starts with the variable's name, so start-up says which one. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

/**
 * Every problem a configuration has, reported together: an operator fixes them in one go instead of
 * one per restart. `variable` names the first; the message has one line per problem.
 */
export class ConfigErrors extends ConfigError {
  constructor(readonly problems: readonly ConfigError[]) {
    super(problems[0].variable, '');
    this.message = problems.map((problem) => problem.message).join('\n');
    this.name = 'ConfigErrors';
  }
}

/**
 * Reads settings one by one, keeping each ConfigError instead of stopping at the first: `read`
 * answers the value, or the fallback when it was refused; `check` throws them all at the end.
 */
export class ConfigProblems {
  private readonly problems: ConfigError[] = [];

  read<T>(reader: () => T, fallback: T): T {
    try {
      return reader();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      this.problems.push(...(error instanceof ConfigErrors ? error.problems : [error]));
      return fallback;
    }
  }

  /** Throws the one problem as it is, several as ConfigErrors; nothing when there were none. */
  check(): void {
    if (this.problems.length === 1) throw this.problems[0];
    if (this.problems.length > 1) throw new ConfigErrors(this.problems);
  }
}

/** A whole-number setting within [min, max]; unset or empty: the fallback. */
export function wholeNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `expected ${min}..${max}, got ${value}`);
  return value;
}
