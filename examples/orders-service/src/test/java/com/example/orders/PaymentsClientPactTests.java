package com.example.orders;

import static org.assertj.core.api.Assertions.assertThat;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import dev.pyramid.framework.api.ContractTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the orders service expects of the payment provider's charges API, as a pact. */
@ContractTest
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "payments")
class PaymentsClientPactTests {

  @Pact(consumer = "orders-service")
  V4Pact chargeAccepted(PactDslWithProvider builder) {
    return builder
        .given("customer c-1 has a valid card")
        .uponReceiving("a charge for an order")
        .method("POST")
        .path("/v1/charges")
        .headers("Content-Type", "application/json")
        .matchHeader("Idempotency-Key", "order-.+", "order-1")
        .body(
            new PactDslJsonBody()
                .stringValue("customer", "c-1")
                .integerType("amount", 595)
                .stringValue("currency", "EUR")
                .stringMatcher("reference", "order-.+", "order-1"))
        .willRespondWith()
        .status(201)
        .body(new PactDslJsonBody().stringMatcher("id", "ch_[A-Za-z0-9]+", "ch_1"))
        .toPact(V4Pact.class);
  }

  @Pact(consumer = "orders-service")
  V4Pact chargeDeclined(PactDslWithProvider builder) {
    return builder
        .given("customer c-2 has an expired card")
        .uponReceiving("a charge for an order with an expired card")
        .method("POST")
        .path("/v1/charges")
        .headers("Content-Type", "application/json")
        .body(
            new PactDslJsonBody()
                .stringValue("customer", "c-2")
                .integerType("amount", 595)
                .stringValue("currency", "EUR")
                .stringMatcher("reference", "order-.+", "order-2"))
        .willRespondWith()
        .status(402)
        .body(new PactDslJsonBody().stringType("reason", "card expired"))
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "chargeAccepted")
  void an_accepted_charge_gives_its_id(MockServer payments) throws Exception {
    PaymentsClient.Charge charge =
        new PaymentsClient(URI.create(payments.getUrl())).charge("c-1", 595, "order-1");

    assertThat(charge.accepted()).isTrue();
    assertThat(charge.id()).isEqualTo("ch_1");
  }

  @Test
  @PactTestFor(pactMethod = "chargeDeclined")
  void a_declined_charge_gives_the_reason(MockServer payments) throws Exception {
    PaymentsClient.Charge charge =
        new PaymentsClient(URI.create(payments.getUrl())).charge("c-2", 595, "order-2");

    assertThat(charge.accepted()).isFalse();
    assertThat(charge.declineReason()).isEqualTo("card expired");
  }
}
