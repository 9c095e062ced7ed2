// Three projects so `npm run test:unit|int|e2e` can run each layer alone; `npm test` runs all.
const aliases = {
  '^@shoplink/event-store$': '<rootDir>/libs/event-store/src/index.ts',
  '^@shoplink/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
  '^@shoplink/shops$': '<rootDir>/libs/shops/src/index.ts',
  '^@shoplink/shops/(.*)$': '<rootDir>/libs/shops/src/$1',
  '^@shoplink/read-models$': '<rootDir>/libs/read-models/src/index.ts',
  '^@shoplink/read-models/(.*)$': '<rootDir>/libs/read-models/src/$1',
  '^@shoplink/accounts$': '<rootDir>/libs/accounts/src/index.ts',
  '^@shoplink/accounts/(.*)$': '<rootDir>/libs/accounts/src/$1',
  '^@shoplink/sqlite$': '<rootDir>/libs/sqlite/src/index.ts',
  '^@shoplink/command-handling$': '<rootDir>/libs/command-handling/src/index.ts',
  '^@shoplink/command-handling/(.*)$': '<rootDir>/libs/command-handling/src/$1',
  '^@shoplink/storage$': '<rootDir>/libs/storage/src/index.ts',
  '^@shoplink/storage/(.*)$': '<rootDir>/libs/storage/src/$1',
  '^@shoplink/service-auth$': '<rootDir>/libs/service-auth/src/index.ts',
  '^@shoplink/personal-data$': '<rootDir>/libs/personal-data/src/index.ts',
  '^@shoplink/personal-data/(.*)$': '<rootDir>/libs/personal-data/src/$1',
  '^@shoplink/feed$': '<rootDir>/libs/feed/src/index.ts',
  '^@shoplink/time$': '<rootDir>/libs/time/src/index.ts',
  '^@shoplink/subscriptions$': '<rootDir>/libs/subscriptions/src/index.ts',
};
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper: aliases,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', diagnostics: false }],
    // Node 20 can require() these ES modules (Swagger UI's static files need them); Jest cannot, so they are transpiled.
    '^.+/node_modules/(content-disposition)/.+\\.js$': ['ts-jest', { tsconfig: { allowJs: true, module: 'commonjs' }, diagnostics: false }],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{apps,libs}/**/*.int.spec.ts'] },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e.spec.ts'],
      // Names the one build of the service the suites running the real binaries share (test/support/built-service.ts).
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e-global-teardown.ts',
    },
  ],
};
