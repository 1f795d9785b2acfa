package dev.pyramid.framework.api.pact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import org.junit.jupiter.api.Test;

/**
 * One line per failed interaction in the evidence, from the failures the verifications really
 * raise.
 */
@UnitTest
class StageContractsSummaryTests {

  @Test
  void a_pact_mismatch_is_told_by_its_numbered_details() {
    String pact =
        """
        api-gateway - Upon a cancellation of an assigned ride\s
        Failures:

        1) Verifying a pact between api-gateway and fleet-core - a cancellation of an assigned ride has a matching body

            1.1) body: $ Actual map is missing the following keys: requestedAt

                {
                  "etaSeconds": 240,
                -  "requestedAt": "2026-03-01T12:00:00.250Z",
                }
        """;

    assertThat(StageContractsExtension.summary(pact))
        .isEqualTo("body: $ Actual map is missing the following keys: requestedAt");
  }

  @Test
  void a_spec_mismatch_keeps_the_validators_first_message() {
    String spec =
        """
        POST http://127.0.0.1:42805/v1/rides answered 201, which breaks the OpenAPI document classpath:openapi/fleet-core.yaml:
          - response: Object instance has properties which are not allowed by the schema: ["requestedAt"]
        The validator's report is attached to the test.""";

    assertThat(StageContractsExtension.summary(spec))
        .startsWith("POST http://127.0.0.1:42805/v1/rides answered 201")
        .endsWith(
            "- response: Object instance has properties which are not allowed by the schema: [\"requestedAt\"]");
  }

  @Test
  void an_empty_or_long_message_stays_one_bounded_line() {
    assertThat(StageContractsExtension.summary("  \n ")).isEqualTo("(no message)");
    assertThat(StageContractsExtension.summary("x".repeat(2000))).hasSize(500).endsWith("\u2026");
  }
}
