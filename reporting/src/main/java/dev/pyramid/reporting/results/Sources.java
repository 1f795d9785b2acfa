package dev.pyramid.reporting.results;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which result files belong to which layer: globs relative to a result root, per layer and kind.
 *
 * <p>A glob starting with {@code **}{@code /} also matches at the root itself. Gatling globs match run
 * directories, all others files.
 *
 * @param layers every layer's globs; a layer not in the map has none
 */
public record Sources(Map<Layer, LayerSources> layers) {

  public Sources {
    EnumMap<Layer, LayerSources> complete = new EnumMap<>(Layer.class);
    for (Layer layer : Layer.values()) {
      complete.put(layer, layers.getOrDefault(layer, LayerSources.NONE));
    }
    layers = Map.copyOf(complete);
  }

  /** The globs of {@code layer}; never null. */
  public LayerSources of(Layer layer) {
    return layers.get(layer);
  }

  /** Every file glob of every layer (a Gatling run glob {@code g} as {@code g/**}): what the Maven build stamps. */
  public List<String> allFileGlobs() {
    return layers.values().stream()
        .flatMap(s -> java.util.stream.Stream.concat(
            java.util.stream.Stream.of(s.junit(), s.allure(), s.pacts(), s.pactReports(), s.jacoco()).flatMap(List::stream),
            s.gatling().stream().map(g -> g + "/**")))
        .distinct().sorted().toList();
  }

  /** Where a Pyramid build writes each layer's results. */
  public static Sources defaults() {
    Map<Layer, LayerSources> layers = new EnumMap<>(Layer.class);
    layers.put(Layer.UNIT, LayerSources.NONE
        .withJunit(List.of("**/target/surefire-reports/unit/TEST-*.xml"))
        .withJacoco(List.of("**/target/site/jacoco/jacoco.xml")));
    layers.put(Layer.CONTRACT, LayerSources.NONE
        .withJunit(List.of("**/target/surefire-reports/contract/TEST-*.xml",
            "**/target/failsafe-reports/contract/TEST-*.xml"))
        .withPacts(List.of("**/target/pacts/*.json"))
        .withPactReports(List.of("**/target/pact/reports/*.json")));
    layers.put(Layer.E2E, LayerSources.NONE.withJunit(List.of("**/target/failsafe-reports/e2e/TEST-*.xml")));
    layers.put(Layer.PERF, LayerSources.NONE.withGatling(List.of("**/target/gatling/*")));
    return new Sources(layers);
  }

  /**
   * One layer's globs by kind.
   *
   * @param junit JUnit XML reports
   * @param allure Allure {@code *-result.json} files
   * @param pacts pact files whose interactions must all be verified (contract)
   * @param pactReports Pact JVM verification reports (contract)
   * @param gatling Gatling run directories (perf)
   * @param jacoco JaCoCo XML reports (coverage of this layer's tests)
   */
  public record LayerSources(List<String> junit, List<String> allure, List<String> pacts, List<String> pactReports,
      List<String> gatling, List<String> jacoco) {

    /** No globs. */
    public static final LayerSources NONE =
        new LayerSources(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public LayerSources {
      junit = List.copyOf(junit);
      allure = List.copyOf(allure);
      pacts = List.copyOf(pacts);
      pactReports = List.copyOf(pactReports);
      gatling = List.copyOf(gatling);
      jacoco = List.copyOf(jacoco);
    }

    public LayerSources withJunit(List<String> globs) {
      return new LayerSources(globs, allure, pacts, pactReports, gatling, jacoco);
    }

    public LayerSources withAllure(List<String> globs) {
      return new LayerSources(junit, globs, pacts, pactReports, gatling, jacoco);
    }

    public LayerSources withPacts(List<String> globs) {
      return new LayerSources(junit, allure, globs, pactReports, gatling, jacoco);
    }

    public LayerSources withPactReports(List<String> globs) {
      return new LayerSources(junit, allure, pacts, globs, gatling, jacoco);
    }

    public LayerSources withGatling(List<String> globs) {
      return new LayerSources(junit, allure, pacts, pactReports, globs, jacoco);
    }

    public LayerSources withJacoco(List<String> globs) {
      return new LayerSources(junit, allure, pacts, pactReports, gatling, globs);
    }

    /** Every glob of this layer. */
    public List<String> all() {
      return java.util.stream.Stream.of(junit, allure, pacts, pactReports, gatling, jacoco)
          .flatMap(List::stream).toList();
    }
  }
}
