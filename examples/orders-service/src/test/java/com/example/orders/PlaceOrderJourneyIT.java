package com.example.orders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.pyramid.framework.api.EndToEndTest;
import dev.pyramid.framework.api.PostgresDatabase;
import dev.pyramid.framework.api.StubServer;
import dev.pyramid.framework.api.WithPostgres;
import dev.pyramid.framework.api.WithStubServer;
import io.restassured.http.ContentType;
import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An order placed through the service's HTTP API, stored in a real PostgreSQL and charged with the
 * payment provider, which a stub server plays.
 */
@EndToEndTest
@WithPostgres
@WithStubServer
class PlaceOrderJourneyIT {
  private static OrdersService service;

  @BeforeAll
  static void start(PostgresDatabase database, StubServer payments) throws Exception {
    service = OrdersService.start(0, database.dataSource(), payments.baseUrl());
  }

  @AfterAll
  static void stop() {
    if (service != null) {
      service.close();
    }
  }

  @Test
  void a_paid_order_is_stored_and_read_back(StubServer payments) {
    payments.stubFor(
        post(urlEqualTo("/v1/charges"))
            .withRequestBody(matchingJsonPath("$[?(@.customer == 'c-1')]"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"ch_42\"}")));

    int id =
        given()
            .port(service.port())
            .contentType(ContentType.JSON)
            .body(
                "{\"customerId\":\"c-1\",\"sku\":\"tea-500g\","
                    + "\"quantity\":2,\"unitPriceCents\":250}")
            .when()
            .post("/v1/orders")
            .then()
            .statusCode(201)
            .body("totalCents", equalTo(595))
            .body("paymentId", equalTo("ch_42"))
            .extract()
            .path("id");

    given()
        .port(service.port())
        .when()
        .get("/v1/orders/" + id)
        .then()
        .statusCode(200)
        .body("sku", equalTo("tea-500g"))
        .body("totalCents", equalTo(595));
    payments.verify(
        1,
        postRequestedFor(urlEqualTo("/v1/charges"))
            .withRequestBody(matchingJsonPath("$[?(@.amount == 595)]")));
  }

  @Test
  void a_declined_card_stores_no_order(StubServer payments, PostgresDatabase database)
      throws Exception {
    payments.stubFor(
        post(urlEqualTo("/v1/charges"))
            .withRequestBody(matchingJsonPath("$[?(@.customer == 'c-2')]"))
            .willReturn(
                aResponse()
                    .withStatus(402)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"reason\":\"card expired\"}")));

    given()
        .port(service.port())
        .contentType(ContentType.JSON)
        .body("{\"customerId\":\"c-2\",\"sku\":\"tea-500g\",\"quantity\":1,\"unitPriceCents\":250}")
        .when()
        .post("/v1/orders")
        .then()
        .statusCode(402)
        .body("error", equalTo("payment declined: card expired"));

    try (Connection connection = database.dataSource().getConnection();
        ResultSet count =
            connection
                .createStatement()
                .executeQuery("SELECT count(*) FROM orders WHERE customer_id = 'c-2'")) {
      count.next();
      assertThat(count.getInt(1)).isZero();
    }
  }
}
