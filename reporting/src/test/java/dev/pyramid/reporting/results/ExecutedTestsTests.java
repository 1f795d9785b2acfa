package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import dev.pyramid.reporting.internal.files.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The executed tests kept for a baseline: what counts, how they are written, what they cost. */
@UnitTest
class ExecutedTestsTests {

  private static final Path FILE = Path.of("TEST-x.xml");

  @Test
  void counts_every_test_that_ran_and_no_skipped_one() {
    LayerEvidence unit =
        new LayerEvidence.Builder(Layer.UNIT)
            .addTestCases(
                List.of(
                    test("a.B", "passes", TestCase.Status.PASSED),
                    test("a.B", "fails", TestCase.Status.FAILED),
                    test("a.B", "errs", TestCase.Status.ERRORED),
                    test("a.B", "is_disabled", TestCase.Status.SKIPPED),
                    test("a.B", "passes", TestCase.Status.PASSED)))
            .build();

    ExecutedTests executed = ExecutedTests.of(List.of(unit, LayerEvidence.none(Layer.E2E)));

    assertThat(executed.of(Layer.UNIT)).containsExactly("a.B#errs", "a.B#fails", "a.B#passes");
    assertThat(executed.of(Layer.E2E)).isEmpty();
    assertThat(executed.size()).isEqualTo(3);
  }

  @Nested
  class WrittenAndReadBack {

    @Test
    void keeps_every_id_whatever_its_characters() throws IOException {
      ExecutedTests executed =
          new ExecutedTests(
              Map.of(
                  Layer.UNIT,
                  Set.of(
                      "a.B#tab\there",
                      "a.B#line\nbreak",
                      "a.B#back\\slash\\t",
                      "a.B#[1] \"Zürich\", 東京 <&>"),
                  Layer.E2E,
                  Set.of("e2e journey")));

      ExecutedTests read = ExecutedTests.decode("kept.tsv.gz", executed.encode());

      assertThat(read).isEqualTo(executed);
    }

    @Test
    void gives_the_same_bytes_for_the_same_tests_in_any_order() {
      ExecutedTests one = new ExecutedTests(Map.of(Layer.UNIT, Set.of("a#1", "a#2", "b#1")));
      ExecutedTests other =
          new ExecutedTests(Map.of(Layer.UNIT, new TreeSet<>(List.of("b#1", "a#2", "a#1"))));

      assertThat(Sha256.of(one.encode())).isEqualTo(Sha256.of(other.encode()));
    }

    @Test
    void refuses_a_line_that_names_no_layer_naming_the_file_and_line() throws IOException {
      byte[] gzipped = gzip("unit\ta#1\nsmoke\ta#2\n");

      assertThatThrownBy(() -> ExecutedTests.decode("kept.tsv.gz", gzipped))
          .isInstanceOf(IOException.class)
          .hasMessage("kept.tsv.gz:2: not a \"layer<TAB>test id\" line");
    }

    @Test
    void refuses_what_is_not_gzip_naming_the_file() {
      byte[] text = "unit\ta#1\n".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> ExecutedTests.decode("kept.tsv.gz", text))
          .isInstanceOf(IOException.class)
          .hasMessageStartingWith("kept.tsv.gz: not a gzipped list of test ids");
    }
  }

  /**
   * What a promoted build costs on disk: 100,000 ids shaped like a large JUnit 5 suite's (packages,
   * nested classes, parameterized invocations). Measured here at 0.89 MB.
   */
  @Test
  void a_hundred_thousand_tests_take_less_than_a_megabyte() throws IOException {
    ExecutedTests executed = new ExecutedTests(Map.of(Layer.UNIT, suiteIds(100_000, 42)));

    byte[] encoded = executed.encode();

    assertThat(executed.size()).isEqualTo(100_000);
    assertThat(encoded.length).isLessThan(1024 * 1024);
    assertThat(ExecutedTests.decode("kept", encoded).size()).isEqualTo(100_000);
  }

  /** {@code count} distinct ids of a made-up platform's suite, the same for the same seed. */
  static Set<String> suiteIds(int count, long seed) {
    String[] words = {
      "ride", "booking", "vehicle", "station", "route", "driver", "fare", "eta", "pickup",
      "dropoff", "cancel", "refund", "rating", "payment", "surge", "zone", "fleet", "dispatch",
      "nearest", "closure", "traffic", "invoice", "rider", "quota"
    };
    String[] packages = {
      "dev.pyramid.fleet.core",
      "dev.pyramid.gateway.rides",
      "dev.pyramid.billing",
      "dev.pyramid.dispatch.engine"
    };
    Random random = new Random(seed);
    Set<String> ids = new TreeSet<>();
    while (ids.size() < count) {
      String className =
          packages[random.nextInt(packages.length)]
              + "."
              + capitalized(words[random.nextInt(words.length)])
              + capitalized(words[random.nextInt(words.length)])
              + "Tests"
              + (random.nextInt(3) == 0 ? "$When" + capitalized(words[random.nextInt(24)]) : "");
      for (int m = 3 + random.nextInt(12); m > 0 && ids.size() < count; m--) {
        String method =
            words[random.nextInt(24)]
                + "_"
                + words[random.nextInt(24)]
                + "_"
                + words[random.nextInt(24)]
                + "_"
                + words[random.nextInt(24)];
        if (random.nextInt(5) == 0) {
          for (int i = 1; i <= 1 + random.nextInt(5) && ids.size() < count; i++) {
            ids.add(className + "#" + method + "(String, int)[" + i + "]");
          }
        } else {
          ids.add(className + "#" + method + "()");
        }
      }
    }
    return ids;
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static TestCase test(String className, String name, TestCase.Status status) {
    return new TestCase(className, name, 0.1, status, "", FILE);
  }

  private static byte[] gzip(String text) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    return bytes.toByteArray();
  }
}
