package dev.pyramid.reporting.results;

import static dev.pyramid.reporting.results.Layer.CONTRACT;
import static dev.pyramid.reporting.results.Layer.E2E;
import static dev.pyramid.reporting.results.Layer.PERF;
import static dev.pyramid.reporting.results.Layer.UI;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.Endpoints;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The map of which layer exercised which documented operation, and what counts. */
@UnitTest
class EndpointMapTests {

  private static Endpoints platform() {
    return new Endpoints()
        .document("fleet-core", "GET /health", "GET /v1/rides/{id}", "POST /v1/rides")
        .document("api-gateway", "GET /v2/rides/{id}", "POST /v2/rides");
  }

  @Test
  void should_count_per_layer_the_documented_operations_its_exchanges_matched() {
    Evidence evidence =
        platform()
            .recorded(
                CONTRACT, "fleet-core GET /v1/rides/{id} 2xx 1", "fleet-core POST /v1/rides 4xx 2")
            .recorded(E2E, "api-gateway POST /v2/rides 2xx 3", "fleet-core POST /v1/rides 2xx 1")
            .evidence();

    EndpointMap map = EndpointMap.of(evidence, List.of(Layer.UNIT, CONTRACT, E2E, UI, PERF));

    assertThat(map.layers()).containsExactly(Layer.UNIT, CONTRACT, E2E, UI);
    assertThat(map.coverage(CONTRACT, Optional.empty())).isEqualTo(new EndpointMap.Coverage(2, 5));
    assertThat(map.coverage(E2E, Optional.empty())).isEqualTo(new EndpointMap.Coverage(2, 5));
    assertThat(map.coverage(E2E, Optional.of("api-gateway")))
        .isEqualTo(new EndpointMap.Coverage(1, 2));
    assertThat(map.notExercised())
        .containsExactly("fleet-core GET /health", "api-gateway GET /v2/rides/{id}");
    assertThat(map.layersWithoutExchanges()).containsExactly(Layer.UNIT, UI);
  }

  @Test
  void should_keep_each_layers_answers_by_status_class() {
    Evidence evidence =
        platform()
            .recorded(
                E2E,
                "fleet-core POST /v1/rides 2xx 3",
                "fleet-core POST /v1/rides 4xx 1",
                "fleet-core POST /v1/rides 2xx 2")
            .evidence();

    OperationUse post =
        EndpointMap.of(evidence, List.of(E2E)).services().get(0).operations().get(2);

    assertThat(post.operation()).isEqualTo("POST /v1/rides");
    assertThat(post.layers()).isEqualTo(Map.of(E2E, Map.of("2xx", 5, "4xx", 1)));
    assertThat(post.statuses(E2E)).isEqualTo("2xx 5, 4xx 1");
    assertThat(post.statuses(CONTRACT)).isEmpty();
  }

  @Test
  void should_list_apart_and_not_count_what_matched_no_operation_of_the_builds_document() {
    Evidence evidence =
        platform()
            .recorded(
                E2E,
                "fleet-core ! GET /v9/rides no-path 4xx 2",
                "fleet-core DELETE /v1/rides/{id} 2xx 1",
                "billing GET /v1/invoices 2xx 1")
            .evidence();

    EndpointMap map = EndpointMap.of(evidence, List.of(E2E));
    EndpointMap.Service core = map.services().get(0);

    assertThat(map.coverage(E2E, Optional.empty())).isEqualTo(new EndpointMap.Coverage(0, 5));
    assertThat(core.unmatched())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.operation()).isEqualTo("GET /v9/rides");
              assertThat(u.unmatched()).isEqualTo("no-path");
            });
    assertThat(core.undocumented())
        .extracting(OperationUse::operation)
        .containsExactly("DELETE /v1/rides/{id}");
    assertThat(map.services())
        .extracting(EndpointMap.Service::name, EndpointMap.Service::documented)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fleet-core", true),
            org.assertj.core.groups.Tuple.tuple("api-gateway", true),
            org.assertj.core.groups.Tuple.tuple("billing", false));
    assertThat(map.layersWithoutExchanges()).isEmpty();
  }

  @Test
  void should_show_only_the_layers_asked_for() {
    Evidence evidence = platform().recorded(E2E, "fleet-core GET /health 2xx 1").evidence();

    EndpointMap map = EndpointMap.of(evidence, List.of(CONTRACT));

    assertThat(map.coverage(E2E, Optional.empty()).exercised()).isZero();
    assertThat(map.notExercised()).hasSize(5);
  }

  @Test
  void should_be_empty_without_documents_or_exchanges() {
    assertThat(EndpointMap.of(new Endpoints().evidence(), List.of(E2E)).isEmpty()).isTrue();
    assertThat(new EndpointMap.Coverage(0, 0).percent()).isNaN();
  }
}
