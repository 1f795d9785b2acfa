// Prices in US cents, volume discounts and conversion: no I/O, so the unit layer tests it alone.

/** The catalogue: unit price of each SKU in US cents. */
export const CATALOGUE = Object.freeze({
  'BIKE-HELMET': 4_500,
  'BIKE-LOCK': 2_999,
  'E-SCOOTER': 39_900,
});

/** Discount in percent for an order of `quantity` items: 10 from 10 items, 5 from 5, else none. */
export function volumeDiscountPct(quantity) {
  if (quantity >= 10) return 10;
  if (quantity >= 5) return 5;
  return 0;
}

/**
 * A quote for `quantity` items of `sku` in a currency, given the rate from US dollars to it.
 * Amounts are in the currency's minor unit (cents), rounded half up once, at the end.
 * Throws a RangeError naming the bad input.
 */
export function quote(sku, quantity, currency, usdRate) {
  const unitCents = CATALOGUE[sku];
  if (unitCents === undefined) throw new RangeError(`unknown sku "${sku}"`);
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > 1_000) {
    throw new RangeError(`quantity must be an integer from 1 to 1000, was ${quantity}`);
  }
  if (!(usdRate > 0)) throw new RangeError(`rate for ${currency} must be positive, was ${usdRate}`);
  const discountPct = volumeDiscountPct(quantity);
  const usdCents = (unitCents * quantity * (100 - discountPct)) / 100;
  return {
    sku,
    quantity,
    currency,
    rate: usdRate,
    discountPct,
    totalMinor: Math.round(usdCents * usdRate),
  };
}
