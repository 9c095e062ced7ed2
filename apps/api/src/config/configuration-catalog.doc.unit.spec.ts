import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';
import { CONFIGURATION, configurationTable } from './configuration-catalog';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DOC = join(ROOT, 'docs', 'configuration.md');
const BEGIN = '<!-- generated from apps/api/src/config/configuration-catalog.ts: npm run docs:configuration -->';
const END = '<!-- end of generated table -->';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'fixtures' ? [] : sourceFiles(path);
    return /\.ts$/.test(entry.name) && !/\.spec\.ts$|\.contract\.ts$/.test(entry.name) ? [path] : [];
  });
}

/** The variables the code reads: `env.NAME`, `env['NAME']`, and names handed to the loaders' readers or kept in constants. */
function variablesReadInTheCode(): Set<string> {
  const found = new Set<string>();
  const patterns = [
    /\benv\.([A-Z][A-Z0-9_]+)\b/g,
    /\benv\[['"]([A-Z][A-Z0-9_]+)['"]\]/g,
    /\b(?:integer|wholeNumber|boolean|proxies)\((?:env, )?'([A-Z][A-Z0-9_]+)'/g,
    /['"]((?:SHOPLINK|OTEL)_[A-Z0-9_]+)['"]/g,
  ];
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    const text = readFileSync(file, 'utf8');
    for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1]);
  }
  return found;
}

describe('The configuration catalog and docs/configuration.md', () => {
  it('lists exactly the variables the code reads', () => {
    const listed = CONFIGURATION.map((variable) => variable.name);
    expect(new Set(listed).size).toBe(listed.length);
    expect([...variablesReadInTheCode()].sort()).toEqual([...listed].sort());
  });

  it('gives the defaults the API applies', () => {
    const config = loadAppConfig({});
    const withDefaults = CONFIGURATION.filter((variable) => variable.inAppConfig !== undefined);
    expect(withDefaults.length).toBeGreaterThan(10);
    expect(withDefaults.map((variable) => `${variable.name}=${String(variable.inAppConfig!(config))}`)).toEqual(
      withDefaults.map((variable) => `${variable.name}=${variable.default}`),
    );
  });

  it('is the table the docs show', () => {
    const text = readFileSync(DOC, 'utf8');
    const [before, rest] = text.split(BEGIN);
    const after = rest?.split(END)[1];
    const expected = `${before}${BEGIN}\n${configurationTable()}\n${END}${after ?? '\n'}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(DOC, expected);
    expect(rest).toBeDefined();
    expect(text).toBe(expected);
  });
});
