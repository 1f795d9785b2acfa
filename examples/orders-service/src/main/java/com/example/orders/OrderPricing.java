package com.example.orders;

/**
 * What an order costs: the unit price times the quantity, 10 % off from ten items on, and VAT on
 * top. Amounts are in cents, rounded half up once, on the total.
 */
public final class OrderPricing {
  static final int BULK_QUANTITY = 10;
  static final int BULK_DISCOUNT_PERCENT = 10;
  static final int VAT_PERCENT = 19;

  private OrderPricing() {}

  /** The total in cents that the customer is charged. */
  public static long totalCents(long unitPriceCents, int quantity) {
    if (unitPriceCents < 0) {
      throw new IllegalArgumentException("a unit price is never negative: " + unitPriceCents);
    }
    if (quantity < 1) {
      throw new IllegalArgumentException("an order is for at least one item: " + quantity);
    }
    long net = unitPriceCents * quantity;
    int discount = quantity >= BULK_QUANTITY ? BULK_DISCOUNT_PERCENT : 0;
    // net * (100 - discount) / 100 * (100 + VAT) / 100, in one rounding
    long numerator = net * (100 - discount) * (100 + VAT_PERCENT);
    return (numerator + 5_000) / 10_000;
  }
}
