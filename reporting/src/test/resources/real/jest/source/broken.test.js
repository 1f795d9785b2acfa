// A suite that cannot even load (a missing module): Jest reports "Test suite failed to run".
const tariff = require('./no-such-tariff-module');

test('never runs', () => {
  expect(tariff).toBeDefined();
});
