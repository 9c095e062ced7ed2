#!/usr/bin/env node
/**
 * Lints the OpenAPI document with Redocly's `recommended` rules (@redocly/openapi-core, the
 * engine of `redocly lint`). `npm run lint:openapi` lints the current build's document;
 * `--document <file>` a saved one; `--json` prints the problems as JSON (what the e2e test reads).
 * Exits 1 when there is an error; warnings are printed and let through.
 */
const { argument, openApiDocument } = require('./openapi-document');

async function main() {
  const { createConfig, lintFromString } = await import('@redocly/openapi-core');
  const document = await openApiDocument();
  const config = await createConfig({ extends: ['recommended'] });
  const problems = await lintFromString({
    source: JSON.stringify(document, null, 2),
    absoluteRef: argument('--document') ?? 'docs-json.json',
    config,
  });
  const listed = problems.map((problem) => ({
    severity: problem.severity,
    rule: problem.ruleId,
    message: problem.message,
    where: problem.location.map((location) => location.pointer).join(', '),
  }));
  const errors = listed.filter((problem) => problem.severity === 'error');
  const warnings = listed.filter((problem) => problem.severity !== 'error');
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ errors, warnings })}\n`);
    return;
  }
  for (const problem of listed) console.log(`${problem.severity}  ${problem.rule}  ${problem.where}  ${problem.message}`);
  console.log(`OpenAPI lint (recommended): ${errors.length} errors, ${warnings.length} warnings`);
  if (errors.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
