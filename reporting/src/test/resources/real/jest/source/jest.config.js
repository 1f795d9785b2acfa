// Two jest-junit reporters in one run: the default configuration (junit.xml) and the one that
// reports suites that failed to load (junit-suite-errors.xml). JEST_JUNIT_OUT is where both go.
const out = process.env.JEST_JUNIT_OUT || '..';
module.exports = {
  testEnvironment: 'node',
  reporters: [
    'default',
    ['jest-junit', { outputDirectory: out, outputName: 'junit.xml' }],
    ['jest-junit', { outputDirectory: out, outputName: 'junit-suite-errors.xml',
                     reportTestSuiteErrors: 'true' }],
  ],
};
