/** A pino destination that keeps every line, for tests that assert what the service logged. */
export class CapturedLog {
  readonly text: string[] = [];

  write(line: string): void {
    this.text.push(line);
  }

  get lines(): Record<string, any>[] {
    return this.text
      .flatMap((chunk) => chunk.split('\n'))
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line));
  }

  get all(): string {
    return this.text.join('');
  }

  clear(): void {
    this.text.length = 0;
  }
}
