package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

@UnitTest
class OrderPricingTests {

  @Test
  void adds_vat_to_the_price_of_the_items() {
    assertThat(OrderPricing.totalCents(250, 2)).isEqualTo(595);
  }

  @Test
  void takes_ten_percent_off_from_ten_items_on() {
    assertThat(OrderPricing.totalCents(1_000, 9)).isEqualTo(10_710);
    assertThat(OrderPricing.totalCents(1_000, 10)).isEqualTo(10_710);
  }

  @Test
  void rounds_half_up_once_on_the_total() {
    // 333 * 1.19 = 396.27
    assertThat(OrderPricing.totalCents(333, 1)).isEqualTo(396);
    // 50 * 1.19 = 59.5
    assertThat(OrderPricing.totalCents(50, 1)).isEqualTo(60);
  }

  @Test
  void refuses_an_order_for_no_item_or_a_negative_price() {
    assertThatThrownBy(() -> OrderPricing.totalCents(100, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one item");
    assertThatThrownBy(() -> OrderPricing.totalCents(-1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("never negative");
  }
}
