package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pyramid.reporting.BuildTree;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * The Allure reader's own JSON cursor ({@link JsonCursor}) against Jackson, the reference: on
 * documents Jackson writes it reads the same fields; it accepts nothing Jackson refuses, and where
 * both accept they agree; every truncation is refused. Tagged "unit" with jqwik's own {@link Tag}.
 */
@Tag("unit")
class AllureJsonTests {

  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Path FILE = Path.of("x-result.json");

  /** What the gate takes from a result, read by the reader under test. */
  private record Fields(
      String className,
      String name,
      String status,
      String message,
      String layer,
      String historyId,
      String uuid,
      long stop,
      double seconds) {

    static Fields of(AllureResultReader.Result result) {
      TestCase testCase = result.testCase();
      return new Fields(
          testCase.className(),
          testCase.name(),
          testCase.status().name(),
          testCase.message(),
          result.layerLabel(),
          result.historyId(),
          result.uuid(),
          result.stop(),
          testCase.timeSeconds());
    }
  }

  @Property(tries = 300)
  void reads_what_jackson_reads_from_every_result_jackson_writes(
      @ForAll("results") ObjectNode result) throws Exception {
    byte[] bytes = JACKSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(result);

    assertThat(Fields.of(new AllureResultReader().read(FILE, bytes)))
        .isEqualTo(reference(JACKSON.readTree(bytes)));
  }

  @Property(tries = 300)
  void refuses_every_truncation(
      @ForAll("results") ObjectNode result, @ForAll @IntRange(min = 0, max = 10_000) int cut)
      throws Exception {
    byte[] bytes = JACKSON.writeValueAsBytes(result);
    byte[] truncated = java.util.Arrays.copyOf(bytes, cut % bytes.length);

    assertThatThrownBy(() -> new AllureResultReader().read(FILE, truncated))
        .isInstanceOf(UnreadableEvidenceException.class);
  }

  /** A byte changed anywhere: refused, or read exactly as Jackson reads the changed document. */
  @Property(tries = 1000)
  void a_changed_byte_is_refused_or_read_as_jackson_reads_it(
      @ForAll("results") ObjectNode result,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll("bytes") byte replacement)
      throws Exception {
    byte[] bytes = JACKSON.writeValueAsBytes(result);
    bytes[where % bytes.length] = replacement;

    AllureResultReader.Result read;
    try {
      read = new AllureResultReader().read(FILE, bytes);
    } catch (UnreadableEvidenceException refused) {
      return; // stricter than Jackson is allowed (invalid UTF-8 in any string, trailing content):
      // fail closed
    }
    JsonNode tree =
        JACKSON.readTree(bytes); // throws, failing the property, when Jackson refuses what we read
    assertThat(Fields.of(read)).isEqualTo(reference(tree));
  }

  @Example
  void reads_every_real_allure_result_as_jackson_does() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(BuildTree.resource("real"))) {
      files =
          walk.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      assertThat(Fields.of(new AllureResultReader().read(file, bytes)))
          .as(file.toString())
          .isEqualTo(reference(JACKSON.readTree(bytes)));
    }
  }

  @Example
  void names_the_line_and_column_of_what_is_wrong() {
    byte[] bytes =
        "{\n  \"name\": \"t\",\n  \"status\": \"passed\",\n  \"stop\": 01\n}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new AllureResultReader().read(FILE, bytes))
        .isInstanceOfSatisfying(
            UnreadableEvidenceException.class, e -> assertThat(e.file()).isEqualTo(FILE))
        .hasMessageContaining("line 4, column 12");
  }

  @Example
  void refuses_invalid_utf8_a_control_character_deep_nesting_and_an_integer_beyond_a_long() {
    byte[] latin1 =
        "{\"name\":\"caf\u00e9\",\"status\":\"passed\"}".getBytes(StandardCharsets.ISO_8859_1);
    byte[] control = "{\"name\":\"a\tb\",\"status\":\"passed\"}".getBytes(StandardCharsets.UTF_8);
    byte[] deep =
        ("{\"name\":\"a\",\"status\":\"passed\",\"steps\":"
                + "[".repeat(600)
                + "]".repeat(600)
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    byte[] huge =
        "{\"name\":\"a\",\"status\":\"passed\",\"stop\":99999999999999999999}"
            .getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> new AllureResultReader().read(FILE, latin1))
        .hasMessageContaining("not UTF-8");
    assertThatThrownBy(() -> new AllureResultReader().read(FILE, control))
        .hasMessageContaining("control character");
    assertThatThrownBy(() -> new AllureResultReader().read(FILE, deep))
        .hasMessageContaining("nested deeper");
    assertThatThrownBy(() -> new AllureResultReader().read(FILE, huge))
        .hasMessageContaining("out of the range");
  }

  /** The same fields, taken from Jackson's tree by the rules the reader documents. */
  private static Fields reference(JsonNode tree) throws UnreadableEvidenceException {
    String name = scalar(tree.get("name"));
    String status = scalar(tree.get("status"));
    if (name == null || name.isEmpty() || status == null || status.isEmpty()) {
      throw new UnreadableEvidenceException(FILE, "reference: no name or status");
    }
    String fullName = Objects.requireNonNullElse(scalar(tree.get("fullName")), name);
    String className =
        fullName.endsWith("." + name)
            ? fullName.substring(0, fullName.length() - name.length() - 1)
            : fullName.equals(name) ? "" : fullName;
    String layer = "";
    JsonNode labels = tree.get("labels");
    if (labels != null && labels.isArray()) {
      for (JsonNode label : labels) {
        if (label.isObject() && "layer".equals(scalar(label.get("name")))) {
          layer = Objects.requireNonNullElse(scalar(label.get("value")), "");
        }
      }
    }
    JsonNode details = tree.get("statusDetails");
    String message = details != null && details.isObject() ? scalar(details.get("message")) : null;
    Long start = number(tree.get("start"));
    Long stop = number(tree.get("stop"));
    long begun = start == null ? 0 : start;
    long ended = stop == null ? begun : stop;
    String statusName =
        switch (status) {
          case "passed" -> "PASSED";
          case "failed" -> "FAILED";
          case "broken" -> "ERRORED";
          case "skipped" -> "SKIPPED";
          default -> throw new UnreadableEvidenceException(FILE, "reference: status " + status);
        };
    return new Fields(
        className,
        name,
        statusName,
        Objects.requireNonNullElse(message, ""),
        layer,
        Objects.requireNonNullElse(scalar(tree.get("historyId")), fullName),
        scalar(tree.get("uuid")),
        ended,
        Math.max(0, ended - begun) / 1000.0);
  }

  private static String scalar(JsonNode node) {
    return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
  }

  private static Long number(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isIntegralNumber()) {
      return node.longValue();
    }
    if (node.isNumber()) {
      return (long) node.doubleValue();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  @Provide
  Arbitrary<Byte> bytes() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            (byte) '"',
            (byte) '\\',
            (byte) '{',
            (byte) '}',
            (byte) '[',
            (byte) ']',
            (byte) ',',
            (byte) ':',
            (byte) ' ',
            (byte) '0',
            (byte) 'e',
            (byte) '-',
            (byte) 'n',
            (byte) 0x09,
            (byte) 0x80,
            (byte) 0xc3,
            (byte) 0xff),
        Arbitraries.bytes());
  }

  /**
   * Allure results as adapters write them, with odd but valid values in every field the reader
   * takes.
   */
  @Provide
  Arbitrary<ObjectNode> results() {
    Arbitrary<String> text =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(12),
            Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(8),
            Arbitraries.of(
                "t",
                "a.B.t",
                "\u00e9t\u00e9",
                "\ud83d\ude00",
                "line\nbreak",
                "quote\"slash\\",
                "e2e",
                "unit"));
    Arbitrary<String> status = Arbitraries.of("passed", "failed", "broken", "skipped");
    Arbitrary<JsonNode> anyValue = value(2);
    return net.jqwik.api.Combinators.combine(
            text,
            status,
            text,
            Arbitraries.longs().between(0, 4_000_000_000_000L),
            Arbitraries.longs().between(0, 5_000),
            anyValue,
            text,
            Arbitraries.integers().between(0, 7))
        .as(
            (name, state, layer, start, duration, extra, message, shape) -> {
              ObjectNode node = JsonNodeFactory.instance.objectNode();
              node.put("uuid", "u-" + start);
              node.put("name", name.isEmpty() ? "t" : name);
              node.put("status", state);
              if ((shape & 1) != 0) {
                node.put("fullName", "pkg.Class." + (name.isEmpty() ? "t" : name));
              }
              node.set("steps", extra);
              ArrayNode labels = node.putArray("labels");
              labels.addObject().put("name", "suite").put("value", message);
              if ((shape & 2) != 0) {
                labels.addObject().put("name", "layer").put("value", layer);
              }
              node.putObject("statusDetails").put("message", message).put("trace", "at x\n\tat y");
              if ((shape & 4) != 0) {
                node.put(
                    "start",
                    String.valueOf(start)); // a number in a string, as some adapters write it
              } else {
                node.put("start", start);
              }
              node.put("stop", start + duration + 0.5);
              node.put("historyId", "h" + (duration % 3));
              return node;
            });
  }

  private Arbitrary<JsonNode> value(int depth) {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(10).map(JsonNodeFactory.instance::textNode),
            Arbitraries.longs().map(JsonNodeFactory.instance::numberNode),
            Arbitraries.doubles().map(JsonNodeFactory.instance::numberNode),
            Arbitraries.of(true, false).map(JsonNodeFactory.instance::booleanNode),
            Arbitraries.just(JsonNodeFactory.instance.nullNode()));
    if (depth == 0) {
      return scalar;
    }
    Arbitrary<JsonNode> child = value(depth - 1);
    Arbitrary<JsonNode> array =
        child
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  ArrayNode node = JsonNodeFactory.instance.arrayNode();
                  items.forEach(node::add);
                  return node;
                });
    Arbitrary<JsonNode> object =
        child
            .list()
            .ofMaxSize(3)
            .map(
                items -> {
                  ObjectNode node = JsonNodeFactory.instance.objectNode();
                  for (int i = 0; i < items.size(); i++) {
                    node.set(
                        i == 0 ? "name" : "k" + i,
                        items.get(i)); // "name" inside steps must not be taken
                  }
                  return node;
                });
    return Arbitraries.oneOf(scalar, array, object);
  }
}
