package dev.pyramid.reporting.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.BuildTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Endpoint coverage end to end on the real exchanges of the reference platform's contract and e2e
 * layers and its two OpenAPI documents (real/endpoint-coverage, HOW.md): {@code pyramid gate}'s
 * console, decision.md and decision.json show the map, and {@code min-endpoint-coverage} judges it.
 * The expected figures were counted by hand from the documents, the pact and the journeys (HOW.md).
 */
@UnitTest
@ResourceLock(Resources.SYSTEM_OUT)
class GateEndpointCoverageTests {
  private static final String REAL = "real/endpoint-coverage/";
  private static final String CONTRACT_FILE =
      "contract-tests/target/pyramid/endpoints/contract-2682.jsonl";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  @TempDir Path root;
  @TempDir Path work;

  private BuildTree tree;

  @BeforeEach
  void realExchangesAndDocuments() throws IOException {
    tree = new BuildTree(root).stagingPasses();
    tree.write(CONTRACT_FILE, text("contract-2682.jsonl"));
    tree.write("e2e-tests/target/pyramid/endpoints/e2e-2916.jsonl", text("e2e-2916.jsonl"));
    for (String service : List.of("fleet-core", "api-gateway")) {
      tree.write(
          "platform/" + service + "/target/classes/openapi/" + service + ".yaml",
          text(service + ".yaml"));
    }
  }

  private GateRuns runs(String conditions) throws IOException {
    Path policy =
        Files.writeString(
            work.resolve("quality-gate.yml"),
            """
            version: 1
            promotion:
              path: [staging]
            lanes:
              default:
                stages:
                  staging:
                    require: [unit, contract, e2e]
                    conditions:
            %s
            """
                .formatted(conditions.indent(10)));
    return new GateRuns(policy, work);
  }

  private String gate(GateRuns runs, int exit) throws Exception {
    return ConsoleCapture.capture(
        () -> {
          runs.stamp(root, "b1");
          assertThat(runs.gate("staging", root, "b1")).isEqualTo(exit);
        });
  }

  @Test
  void should_show_what_each_layer_exercised_and_what_no_layer_did() throws Exception {
    String console = gate(runs("- { layer: unit, max-failures: 0 }"), 0);

    assertThat(console)
        .contains(
            "endpoint coverage (operations exercised / documented):  contract 5/18 (27.8%)"
                + "  e2e 11/18 (61.1%)")
        .contains("  api-gateway: contract 0/10 (0.0%), e2e 8/10 (80.0%)")
        .contains("  fleet-core: contract 5/8 (62.5%), e2e 3/8 (37.5%)")
        .contains("  no exchanges recorded by: unit")
        .contains(
            "  not exercised by any layer (4): api-gateway GET /health, api-gateway POST"
                + " /v1/vehicles, fleet-core GET /health, fleet-core GET /v1/vehicles/{id}");
    String markdown = Files.readString(work.resolve("out-b1/decision.md"));
    assertThat(markdown)
        .contains("| `POST /v1/rides` | 2xx 3, 4xx 2 | 2xx 4 |")
        .contains("| `GET /health` **none** | - | - |")
        .contains("| contract | 5/18 (27.8%) |");
    JsonNode endpoints =
        new ObjectMapper()
            .readTree(work.resolve("out-b1/decision.json").toFile())
            .path("endpoints");
    assertThat(endpoints.path("layers").path("e2e").path("exercised").asInt()).isEqualTo(11);
    assertThat(endpoints.path("notExercised")).hasSize(4);
  }

  @Test
  void should_count_every_operation_of_the_documents_as_documented() throws Exception {
    int operations = 0;
    for (String service : List.of("fleet-core", "api-gateway")) {
      JsonNode paths =
          new ObjectMapper(new YAMLFactory()).readTree(text(service + ".yaml")).path("paths");
      for (JsonNode item : paths) {
        operations += (int) iterable(item.fieldNames()).stream().filter(METHODS::contains).count();
      }
    }

    String console = gate(runs("- { layer: unit, max-failures: 0 }"), 0);

    assertThat(console).contains("contract 5/" + operations + " ").contains("e2e 11/" + operations);
  }

  @Test
  void should_promote_when_each_layer_reaches_its_minimum_and_block_naming_what_it_left_out()
      throws Exception {
    String passing =
        gate(
            runs(
                """
                - { layer: contract, min-endpoint-coverage: 60, service: fleet-core }
                - { layer: e2e, min-endpoint-coverage: 60 }
                """),
            0);
    assertThat(passing)
        .contains("62.50% (5 of 8 operations)")
        .contains("61.11% (11 of 18 operations)");

    String blocked = gate(runs("- { layer: e2e, min-endpoint-coverage: 70 }"), 1);
    assertThat(blocked)
        .contains("e2e.min-endpoint-coverage")
        .contains("7 operation(s) not exercised by the layer, listed")
        .contains("    - api-gateway GET /health")
        .contains("    - fleet-core GET /v1/vehicles/{id}");
  }

  @Test
  void should_not_promote_a_build_whose_exchanges_file_is_cut_off() throws Exception {
    String whole = text("contract-2682.jsonl");
    tree.write(CONTRACT_FILE, whole.substring(0, whole.indexOf('\n', 200) + 30));

    String console = gate(runs("- { layer: contract, min-endpoint-coverage: 10 }"), 2);

    assertThat(console)
        .contains("unreadable contract evidence: ")
        .contains("contract-2682.jsonl: line 4: not valid JSON (truncated?)")
        .contains("run the layer's tests again");
  }

  private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
    List<T> list = new java.util.ArrayList<>();
    iterator.forEachRemaining(list::add);
    return list;
  }

  private static String text(String name) throws IOException {
    try (InputStream in =
        GateEndpointCoverageTests.class.getClassLoader().getResourceAsStream(REAL + name)) {
      return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
