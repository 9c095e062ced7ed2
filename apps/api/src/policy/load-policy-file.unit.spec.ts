import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_POLICY_FILE, DEFAULT_SHOP_POLICY } from '@shoplink/shops';
import { ConfigError, ConfigErrors } from '@shoplink/storage';
import { loadPolicyFile } from './load-policy-file';

describe('loadPolicyFile', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'policy-file-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const thrown = (path: string): ConfigError => {
    try {
      loadPolicyFile(path);
    } catch (error) {
      return error as ConfigError;
    }
    throw new Error('expected a ConfigError');
  };

  it('reads the shipped file: version 2, the default numbers, its markets', () => {
    const document = loadPolicyFile(DEFAULT_POLICY_FILE);
    expect(document.version).toBe('2');
    expect(document.defaults).toEqual(DEFAULT_SHOP_POLICY);
    expect(document.markets.GB).toEqual({ currency: 'GBP', overrides: {} });
  });

  it('names the variable for a file it cannot read or that is not JSON', () => {
    expect(thrown(join(dir, 'missing.json')).message).toMatch(/^SHOPLINK_POLICY_FILE: cannot read .*missing\.json: ENOENT/);
    expect(thrown(file('text.json', 'minOwnerAge = 18')).message).toMatch(/^SHOPLINK_POLICY_FILE: .*text\.json is not JSON: /);
  });

  it('turns every bad field into its own problem, checking codes against the ISO lists', () => {
    const shipped = loadPolicyFile(DEFAULT_POLICY_FILE);
    const path = file('bad.json', JSON.stringify({ ...shipped, markets: { EU: { currency: 'EUR' }, GB: { currency: 'XXX' } } }));
    const error = thrown(path);
    expect(error).toBeInstanceOf(ConfigErrors);
    expect((error as ConfigErrors).problems.map((problem) => problem.message)).toEqual([
      `SHOPLINK_POLICY_FILE: ${path}: markets.EU: expected an ISO 3166-1 alpha-2 region code such as GB`,
      `SHOPLINK_POLICY_FILE: ${path}: markets.GB.currency: expected an ISO 4217 currency code such as GBP, got "XXX"`,
    ]);
  });
});
