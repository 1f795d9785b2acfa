// One jest-junit reporter with its defaults; JEST_JUNIT_OUT is where junit.xml goes.
const out = process.env.JEST_JUNIT_OUT || '..';
module.exports = {
  testEnvironment: 'node',
  reporters: ['default', ['jest-junit', { outputDirectory: out, outputName: 'junit.xml' }]],
};
