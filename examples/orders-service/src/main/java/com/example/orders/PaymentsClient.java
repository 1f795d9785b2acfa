package com.example.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * The third party: a payment provider's charges API ({@code POST /v1/charges}). A declined card is
 * an answer (402), not an error; anything else unexpected is.
 */
public final class PaymentsClient {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PaymentsClient(URI baseUrl) {
    this.baseUrl = baseUrl;
  }

  /** The outcome of a charge: the provider's id, or the reason it declined. */
  public record Charge(boolean accepted, String id, String declineReason) {}

  /** Charges a customer; idempotent per {@code reference}, as the provider promises. */
  public Charge charge(String customerId, long amountCents, String reference) throws IOException {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "customer", customerId,
                "amount", amountCents,
                "currency", "EUR",
                "reference", reference));
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("/v1/charges"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", reference)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while charging " + reference, e);
    }
    if (response.statusCode() == 201) {
      JsonNode answer = JSON.readTree(response.body());
      if (answer.hasNonNull("id")) {
        return new Charge(true, answer.get("id").asText(), null);
      }
    } else if (response.statusCode() == 402) {
      String reason = JSON.readTree(response.body()).path("reason").asText("declined");
      return new Charge(false, null, reason);
    }
    throw new IOException(
        "payments answered " + response.statusCode() + " to " + reference + ": " + response.body());
  }
}
