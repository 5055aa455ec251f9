/** Unit tests: beside the code in apps/ and libs/ (`*.spec.ts`). */
module.exports = {
  rootDir: '.',
  roots: ['<rootDir>/apps', '<rootDir>/libs'],
  testRegex: '\\.spec\\.ts$',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': 'ts-jest' },
  moduleNameMapper: {
    '^@sasiad/(core|identity|info-point|academy|zones|grants|forums|ngo-centre)(|/.*)$':
      '<rootDir>/libs/$1/src$2',
  },
  testEnvironment: 'node',
};
