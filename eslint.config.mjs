// ESLint for the whole monorepo: typescript-eslint's recommended rules, the type-aware rules that
// catch lost promises, and one local rule that keeps references to outside trackers out of the code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Comments speak of the code; a ticket number or a file outside the repository means nothing to a reader. */
const noOutsideReferences = {
  meta: { type: 'suggestion', docs: { description: 'no comment cites an issue number or a file outside the repository' }, schema: [] },
  create(context) {
    const patterns = [
      /\bissues?\s*#?\d+/i,
      /(^|[^\w])#\d{1,5}\b/,
      /\.\.\/shared\//,
      /\b(DOMAIN|API|STYLE)\.md\b/,
      /\bthe brief\b/i,
      /\bsession \d+\b/i,
    ];
    return {
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          if (patterns.some((pattern) => pattern.test(comment.value))) {
            context.report({
              loc: comment.loc,
              message: 'Comments explain the code; do not cite issue numbers, sessions or files outside the repository.',
            });
          }
        }
      },
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'data/**',
      'test/artifacts/**',
      'bench/results/**',
      'apps/api/src/console/assets/**',
      // Generated from the OpenAPI document (scripts/generate-api-client.js); its JSDoc repeats the document's long descriptions.
      'test/support/api-client/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { shoplink: { rules: { 'no-outside-references': noOutsideReferences } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unnecessary-type-assertion': 'error',
      '@typescript-eslint/only-throw-error': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'shoplink/no-outside-references': 'error',
      // Prettier wraps code at 140; comments are wrapped by hand. Long texts (messages, API descriptions) stay whole.
      'max-len': ['error', { code: 140, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true, ignoreUrls: true }],
    },
  },
  {
    // Tests and benchmarks read JSON answers whose shape is what they assert.
    files: ['test/**/*.ts', 'bench/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The composition root loads the KurrentDB and MongoDB drivers only when configured, with require().
    files: ['libs/storage/src/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly', console: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
