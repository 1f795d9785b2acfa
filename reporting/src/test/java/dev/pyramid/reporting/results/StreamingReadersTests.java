package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pyramid.framework.api.UnitTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The stream readers keep what the gate needs and refuse what they refused as tree readers. */
@UnitTest
class StreamingReadersTests {

  private static final Path FILE = Path.of("TEST-x.xml");

  @Test
  void junit_keeps_the_first_failure_message_and_skips_properties_output_and_stack_traces()
      throws UnreadableEvidenceException {
    String xml =
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="s" tests="2" failures="1" errors="0" skipped="0">
          <properties><property name="java.home" value="/x"/></properties>
          <testcase classname="a.B" name="fails" time="0.5">
            <failure message="expected 1 but was 2" type="java.lang.AssertionError">at a.B.fails(B.java:1)
            <testcase name="not a test case: stack-trace text"/></failure>
            <system-out>noise</system-out>
          </testcase>
          <testcase classname="a.B" name="passes" time="1,000.25"/>
          <system-err><![CDATA[<testcase name="not one either"/>]]></system-err>
        </testsuite>""";

    JUnitXmlReader.Report report =
        new JUnitXmlReader().read(FILE, xml.getBytes(StandardCharsets.UTF_8));

    assertThat(report.testCases()).extracting(TestCase::name).containsExactly("fails", "passes");
    assertThat(report.testCases().get(0).message()).isEqualTo("expected 1 but was 2");
    assertThat(report.testCases().get(0).status()).isEqualTo(TestCase.Status.FAILED);
    assertThat(report.testCases().get(1).timeSeconds()).isEqualTo(1000.25);
  }

  @Test
  void junit_refuses_a_doctype_an_external_entity_and_bytes_that_are_not_utf8() {
    JUnitXmlReader reader = new JUnitXmlReader();
    String xxe =
        "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
            + "<testsuite name=\"s\" tests=\"1\"><testcase name=\"&e;\"/></testsuite>";
    byte[] latin1InUtf8 =
        "<testsuite name=\"caf\u00e9\" tests=\"0\"/>".getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> reader.read(FILE, xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("DOCTYPE");
    assertThatThrownBy(() -> reader.read(FILE, latin1InUtf8))
        .isInstanceOf(UnreadableEvidenceException.class)
        .hasMessageContaining("not well-formed XML");
  }

  @Test
  void junit_reads_a_declared_latin1_report_with_the_parser_s_own_decoder()
      throws UnreadableEvidenceException {
    byte[] latin1 =
        ("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><testsuite name=\"s\" tests=\"1\">"
                + "<testcase classname=\"a.B\" name=\"caf\u00e9\"/></testsuite>")
            .getBytes(StandardCharsets.ISO_8859_1);

    assertThat(new JUnitXmlReader().read(FILE, latin1).testCases().get(0).name())
        .isEqualTo("caf\u00e9");
  }

  @Test
  void allure_takes_the_fields_it_needs_and_skips_steps_attachments_and_traces()
      throws UnreadableEvidenceException {
    String json =
        """
        {"uuid":"u1","historyId":"h1","name":"books","fullName":"a.JourneyIT.books","status":"broken",
         "statusDetails":{"message":"boom","trace":"at x\\n at y","known":false},
         "steps":[{"name":"step","status":"failed","steps":[{"name":"inner","labels":[{"name":"layer","value":"unit"}]}]}],
         "attachments":[{"name":"log","source":"a.txt"}],
         "labels":[{"name":"suite","value":"s"},{"name":"layer","value":"e2e"}],
         "parameters":[],"start":1000,"stop":3500}""";

    AllureResultReader.Result result =
        new AllureResultReader()
            .read(Path.of("u1-result.json"), json.getBytes(StandardCharsets.UTF_8));

    assertThat(result.layerLabel()).isEqualTo("e2e");
    assertThat(result.historyId()).isEqualTo("h1");
    assertThat(result.stop()).isEqualTo(3500);
    assertThat(result.testCase().className()).isEqualTo("a.JourneyIT");
    assertThat(result.testCase().status()).isEqualTo(TestCase.Status.ERRORED);
    assertThat(result.testCase().message()).isEqualTo("boom");
    assertThat(result.testCase().timeSeconds()).isEqualTo(2.5);
  }

  @Test
  void allure_refuses_truncated_json_an_array_and_a_result_without_status() {
    AllureResultReader reader = new AllureResultReader();
    Path file = Path.of("u-result.json");

    assertThatThrownBy(
            () ->
                reader.read(
                    file,
                    "{\"name\":\"a\",\"status\":\"passed\",\"steps\":[{"
                        .getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> reader.read(file, "[1,2]".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not a JSON object");
    assertThatThrownBy(
            () -> reader.read(file, "{\"name\":\"a\"} {}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () ->
                reader.read(
                    file, "{\"name\":\"a\",\"status\":{}}".getBytes(StandardCharsets.UTF_8)))
        .hasMessageContaining("no name or status");
  }

  @Test
  void jacoco_reads_the_real_report_s_totals_without_loading_its_dtd() throws Exception {
    Path real = Path.of("src/test/resources/real/jacoco");
    Properties expected = new Properties();
    try (var in = Files.newInputStream(real.resolve("expected.properties"))) {
      expected.load(in);
    }
    byte[] bytes = Files.readAllBytes(real.resolve("jacoco.xml"));
    assertThat(new String(bytes, 0, 400, StandardCharsets.UTF_8)).contains("<!DOCTYPE report");

    Coverage coverage = new JacocoXmlReader().read(real.resolve("jacoco.xml"), bytes);

    assertThat(coverage.linesCovered())
        .isEqualTo(Long.parseLong(expected.getProperty("line.covered")));
    assertThat(coverage.linesMissed())
        .isEqualTo(Long.parseLong(expected.getProperty("line.missed")));
    assertThat(coverage.branchesCovered())
        .isEqualTo(Long.parseLong(expected.getProperty("branch.covered")));
    assertThat(coverage.branchesMissed())
        .isEqualTo(Long.parseLong(expected.getProperty("branch.missed")));
  }

  @Test
  void the_collector_reads_a_file_several_layers_list_once_and_hashes_the_bytes_it_parsed(
      @TempDir Path root) throws Exception {
    Path results = Files.createDirectories(root.resolve("allure-results"));
    Path file =
        Files.writeString(
            results.resolve("u1-result.json"),
            "{\"name\":\"t\",\"fullName\":\"a.T.t\",\"status\":\"passed\",\"labels\":[{\"name\":\"layer\",\"value\":\"e2e\"}]}");
    Sources.LayerSources allure =
        Sources.LayerSources.NONE.with("allure", List.of("allure-results/*-result.json"));
    Sources sources = new Sources(java.util.Map.of(Layer.UNIT, allure, Layer.E2E, allure));

    CollectedEvidence collected = new EvidenceCollector().collect(List.of(root), sources);
    Evidence evidence = collected.evidence();

    assertThat(evidence.of(Layer.E2E).counts().tests()).isEqualTo(1);
    assertThat(evidence.of(Layer.UNIT).counts().tests()).isZero();
    assertThat(collected.files().digests()).containsEntry(file, sha256(file));
    assertThat(collected.files().roots().get(root).files()).containsExactly(file);
    assertThat(collected.files().roots().get(root).unhashed()).isEmpty();
    assertThat(collected.files().roots().get(root).hashed().count()).isEqualTo(1);
  }

  @Test
  void the_collector_puts_files_in_path_order_by_directory_then_whole_name(@TempDir Path root)
      throws Exception {
    // Names shorter than eight chars, one the start of another, names equal for eight chars and
    // more, chars
    // beyond Latin-1 and above 0x7fff, directories that sort differently as paths ("a/c" after
    // "a-b") than as text.
    List<String> names =
        List.of(
            "a/abcdefgh1.x",
            "a/abcdefgh0.x",
            "a/abcdefgh.x",
            "a/abc.x",
            "a/ab\u0001.x",
            "a/ab.x",
            "a/a.x",
            "a/a.xa.x",
            "a/.x",
            "a/a\u00e9.x",
            "a/\u4e2d.x",
            "a/\uff21.x",
            "a/b.x",
            "a/B.x",
            "a-b/a.x",
            "a/c/a.x",
            "z.x",
            "b/a.x");
    int n = 0;
    for (String name : names) {
      Path file = root.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "<testsuite tests=\"1\"><testcase classname=\"C"
              + n
              + "\" name=\"t"
              + n++
              + "\"/></testsuite>");
    }
    Sources sources =
        new Sources(
            java.util.Map.of(
                Layer.UNIT, Sources.LayerSources.NONE.with("junit", List.of("**/*.x"))));

    List<Path> sourcesRead =
        new EvidenceCollector().collect(List.of(root), sources).evidence().of(Layer.UNIT).sources();

    assertThat(sourcesRead)
        .hasSize(names.size())
        .isSortedAccordingTo(
            java.util.Comparator.comparing((Path file) -> file.getParent())
                .thenComparing(file -> file.getFileName().toString()));
  }

  private static String sha256(Path file)
      throws IOException, java.security.NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
