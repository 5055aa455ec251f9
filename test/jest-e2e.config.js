/**
 * End-to-end tests: the real application over HTTP and WebSocket, against the real embedded
 * database (started once in global-setup, a fresh database per test file).
 */
module.exports = {
  rootDir: '..',
  roots: ['<rootDir>/test'],
  testRegex: '\\.e2e-spec\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: {
    '^@sasiad/(core|identity|info-point|academy|zones|grants|forums|ngo-centre)(|/.*)$':
      '<rootDir>/libs/$1/src$2',
  },
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/global-setup.js',
  globalTeardown: '<rootDir>/test/support/global-teardown.js',
  testTimeout: 60000,
  maxWorkers: 2,
};
