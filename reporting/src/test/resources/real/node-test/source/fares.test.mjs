// Tiny suite for Node's built-in test runner: passing, failing (assertion), erroring (thrown
// TypeError), skipped and todo tests, in nested suites. Regenerate with ../HOW.md.
import { describe, it, test } from 'node:test';
import assert from 'node:assert/strict';

function fare(km) {
  if (km < 0) throw new RangeError('negative distance');
  return 2.5 + km * 1.2;
}

describe('fare', () => {
  it('charges the base fare for zero km', () => {
    assert.equal(fare(0), 2.5);
  });
  it('charges per km', () => {
    assert.equal(fare(10), 14.5);
  });
  it('charges 1.10 per km', () => {
    // Fails on purpose: an assertion failure (the tariff is 1.20).
    assert.equal(fare(1), 3.6);
  });
  it('rejects negative distances', () => {
    assert.throws(() => fare(-1), RangeError);
  });
  describe('surcharges', () => {
    it('adds a night surcharge', { skip: 'night tariff not implemented' }, () => {});
    it('adds an airport surcharge', { todo: 'airport zones pending' });
    it('reads the tariff table', () => {
      // Errors on purpose: a TypeError, not an assertion.
      const table = undefined;
      return table.night;
    });
  });
});

test('top-level: currency is EUR', () => {
  assert.equal('EUR'.length, 3);
});
