// @ts-check
// typescript-eslint's recommended rules on the TypeScript sources; formatting is prettier's job
// (eslint-config-prettier turns off the rules it would fight with).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      // Build output of `rxcharm build` only (as .gitignore): framework/build is source.
      'build/',
      'charms/*/build/',
      'layers/*/build/',
      'coverage/',
      '**/*.js',
      '**/*.cjs',
      '**/*.mjs',
      'docs/examples/**/lib/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      // Unused names prefixed with _ are deliberate (a handler signature, a destructured rest).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
    },
  },
);
