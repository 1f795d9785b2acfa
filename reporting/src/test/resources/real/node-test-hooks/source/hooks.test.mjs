// Two suites whose hooks fail: a `before` that throws (the service did not start) and an
// `after` that throws (a stub did not close).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';

describe('quotes, service not started', () => {
  before(() => { throw new Error('service did not start'); });
  test('quote in euros', () => assert.ok(true));
  test('unknown sku', () => assert.ok(true));
});

describe('quotes, stub not closed', () => {
  after(() => { throw new Error('stub did not close'); });
  test('health', () => assert.ok(true));
});
