/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Jest's default leaves a core idle (cores − 1): on a two-core machine that halves the speed.
  maxWorkers: '100%',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  collectCoverageFrom: ['src/**/*.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: {
    './src/domain/': { lines: 90 },
  },
};
