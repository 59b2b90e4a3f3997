import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'build', 'out', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        process: 'readonly',
        __dirname: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      // The domain is pure: no clock, no randomness, no host APIs.
      'no-restricted-globals': ['error', 'Date', 'process', 'SpreadsheetApp', 'require'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random' }],
    },
  },
);
