package dev.pyramid.reporting.allure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pyramid.framework.api.UnitTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@UnitTest
class AllureAggregationTests {

  @Test
  void gathers_this_builds_results_and_not_a_copy_of_another_build_or_pyramids_own(
      @TempDir Path root) throws Exception {
    Path own = result(root, "framework/target/allure-results", "own");
    result(root, "maven-plugin/target/it/report-per-level/module/target/allure-results", "invoked");
    result(
        root, ".pyramid/compatibility-proof/a-change/sources/e2e/target/allure-results", "proof");
    result(root, "framework/src/test/resources/fixture/target/allure-results", "fixture");
    Path destination = root.resolve("reporting/target/allure-results");

    List<Path> copied =
        new AllureAggregation().aggregate(List.of(root), destination, Map.of(), Map.of());

    assertThat(copied).containsExactly(own);
    assertThat(destination.resolve("own-result.json")).exists();
    assertThat(destination.resolve("invoked-result.json")).doesNotExist();
    assertThat(destination.resolve("proof-result.json")).doesNotExist();
  }

  private static Path result(Path root, String folder, String name) throws Exception {
    Path dir = Files.createDirectories(root.resolve(folder));
    Files.writeString(
        dir.resolve(name + "-result.json"),
        "{\"uuid\":\"" + name + "\",\"name\":\"" + name + "\",\"status\":\"passed\"}");
    return dir;
  }
}
