// Lint: typescript-eslint's recommended rules, plus the one architectural rule we enforce:
// `domain/` folders stay pure (no NestJS, TypeORM, kafkajs, pg, HTTP or Node I/O) and import only themselves,
// `src/shared/` and `src/contracts/` (scripts/eslint-domain-imports.mjs).
import tseslint from 'typescript-eslint';
import mdm from './scripts/eslint-domain-imports.mjs';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'console/node_modules/**', 'bench/results/**', 'scripts/**', 'bin/**', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-unsafe-declaration-merging': 'off',
    },
  },
  {
    // The examples are plain CommonJS for downstream readers who copy them.
    files: ['examples/**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    ignores: ['src/**/*.spec.ts'],
    plugins: { mdm },
    rules: { 'mdm/domain-imports': 'error' },
  },
  {
    files: ['src/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '@nestjs/*',
                'typeorm',
                'typeorm/*',
                'kafkajs',
                'pg',
                'pg-*',
                'express',
                'node:fs',
                'node:http',
                'node:net',
                'fs',
                'http',
                'net',
                'class-validator',
                'class-transformer',
                '@electric-sql/*',
              ],
              message: 'domain/ is pure: no framework, database, messaging or I/O imports (docs/architecture.md).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'fetch', message: 'domain/ does no I/O' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain/ never reads the clock: take the time from command metadata.',
        },
      ],
    },
  },
);
