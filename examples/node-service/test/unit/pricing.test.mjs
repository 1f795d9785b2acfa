import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { quote, volumeDiscountPct } from '../../src/pricing.mjs';

describe('volume discount', () => {
  test('none below 5 items', () => assert.equal(volumeDiscountPct(4), 0));
  test('5 % from 5 items', () => assert.equal(volumeDiscountPct(5), 5));
  test('10 % from 10 items', () => assert.equal(volumeDiscountPct(10), 10));
});

describe('quote', () => {
  test('in US dollars at rate 1', () => {
    assert.deepEqual(quote('BIKE-LOCK', 2, 'USD', 1), {
      sku: 'BIKE-LOCK', quantity: 2, currency: 'USD', rate: 1, discountPct: 0, totalMinor: 5_998,
    });
  });
  test('converted and discounted, rounded once at the end', () => {
    // 10 x 29.99 = 299.90 USD, -10 % = 269.91 USD, x 0.92 = 248.3172 EUR
    assert.equal(quote('BIKE-LOCK', 10, 'EUR', 0.92).totalMinor, 24_832);
  });
  test('an unknown sku is named', () => {
    assert.throws(() => quote('UNICYCLE', 1, 'USD', 1), { name: 'RangeError', message: 'unknown sku "UNICYCLE"' });
  });
  test('quantity must be a whole number from 1 to 1000', () => {
    for (const bad of [0, 1.5, 1_001, Number.NaN]) assert.throws(() => quote('BIKE-LOCK', bad, 'USD', 1), RangeError);
  });
  test('a rate that is not positive is refused', () => {
    assert.throws(() => quote('BIKE-LOCK', 1, 'EUR', 0), /rate for EUR must be positive/);
  });
});
