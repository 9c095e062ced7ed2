/**
 * Architecture rules checked by `npm run lint:deps` (part of `npm test`):
 * the domain stays pure TypeScript, so it can be replayed anywhere (tests, audit CLI, other stores).
 */
const FRAMEWORKS_AND_DRIVERS =
  'node_modules/(@nestjs|@kurrent|@eventstore|mongodb|better-sqlite3|fastify|@fastify|class-validator|class-transformer|rxjs)';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'libs/*/src/domain imports nothing from Nest, store clients, database drivers or HTTP validation',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: FRAMEWORKS_AND_DRIVERS },
    },
    {
      name: 'domain-knows-no-adapters',
      comment: 'the domain does not reach into adapters, the application layer or the apps',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^(apps/|libs/[^/]+/src/(sqlite|kurrentdb|mongodb|application)/)' },
    },
    {
      name: 'libs-are-framework-free',
      comment: 'libraries hold domain, ports and adapters; Nest wiring lives in apps/',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: 'node_modules/@nestjs' },
    },
    {
      name: 'ports-stay-driver-free',
      comment: 'a port (and its index) can be imported without loading any database driver',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/(?!sqlite/|kurrentdb/|mongodb/)[^/]+\\.ts$', pathNot: '(\\.spec\\.ts$|^libs/sqlite/)' },
      to: { path: 'node_modules/(better-sqlite3|mongodb|@kurrent)' },
    },
    {
      name: 'adapters-chosen-in-one-place',
      comment:
        'switching adapters is configuration only: the composition root (libs/storage) picks them; the service, the projector and the libraries receive ports and import no adapter, so no code path can check which one it has (the audit CLI, a tool for the embedded file, and tests are exempt)',
      severity: 'error',
      from: {
        path: '^(apps/(api|projector)/|libs/)',
        pathNot: '(^libs/storage/|^libs/[^/]+/src/(sqlite|kurrentdb|mongodb|testing|contract)/|\\.spec\\.ts$)',
      },
      to: { path: '^libs/[^/]+/src/(sqlite|kurrentdb|mongodb)/' },
    },
    {
      name: 'libs-never-import-apps',
      comment: 'libraries (domain, application, queries, workflows, adapters) know nothing of the services that use them',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-use-public-entry-points',
      comment:
        "apps import a library through its public index (libs/<lib>/src/index.ts), or an adapter folder's index for tools on the embedded file (the CLI); never a file inside it",
      severity: 'error',
      from: { path: '^apps/', pathNot: '\\.spec\\.ts$' },
      to: { path: '^libs/', pathNot: '^libs/[^/]+/src/(index|(sqlite|kurrentdb|mongodb)/index)\\.ts$' },
    },
    {
      name: 'domain-is-pure-of-application',
      comment: 'queries, workflows and automations build on the domain; the domain never imports them',
      severity: 'error',
      from: { path: '^libs/[^/]+/src/domain/' },
      to: { path: '^libs/[^/]+/src/(queries|workflows|automations|codec)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
