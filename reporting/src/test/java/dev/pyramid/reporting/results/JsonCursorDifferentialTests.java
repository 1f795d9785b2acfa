package dev.pyramid.reporting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;

/**
 * {@link JsonCursor} against jackson-core's streaming parser ({@link JacksonAllureFields}) behind
 * the same Allure reader: on Allure-like documents, on any JSON value, and on both after a
 * byte-level change (truncated, a byte replaced, invalid UTF-8 inserted, nested around the depth
 * limit), the two accept the same documents with the same result and refuse the same ones. Tagged
 * "unit" with jqwik's own {@link Tag}.
 */
@Tag("unit")
class JsonCursorDifferentialTests {

  private static final Path FILE = Path.of("x-result.json");

  @Property(tries = 500)
  void read_alike_every_allure_like_document(@ForAll("allureLike") String document) {
    assertReadAlike(utf8(document));
  }

  @Property(tries = 500)
  void read_alike_or_refuse_alike_any_json_value(@ForAll("anyValue") String document) {
    assertReadAlike(utf8(document));
  }

  @Property(tries = 1000)
  void refuse_alike_every_truncation(
      @ForAll("documents") String document, @ForAll @IntRange(min = 0, max = 100_000) int cut) {
    byte[] bytes = utf8(document);

    assertReadAlike(Arrays.copyOf(bytes, cut % (bytes.length + 1)));
  }

  @Property(tries = 2000)
  void read_alike_or_refuse_alike_after_a_byte_is_replaced(
      @ForAll("documents") String document,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll("replacements") byte replacement) {
    byte[] bytes = utf8(document);
    bytes[where % bytes.length] = replacement;

    assertReadAlike(bytes);
  }

  @Property(tries = 1000)
  void refuse_alike_invalid_utf8_anywhere(
      @ForAll("documents") String document,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll("notUtf8") byte[] inserted) {
    assertReadAlike(insert(utf8(document), where, inserted));
  }

  @Property(tries = 300)
  void read_alike_a_byte_order_mark_and_refuse_alike_a_nul_or_utf16(
      @ForAll("documents") String document, @ForAll @IntRange(min = 0, max = 3) int variant) {
    byte[] bytes =
        switch (variant) {
          case 0 -> insert(utf8(document), 0, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf});
          case 1 -> insert(utf8(document), 0, new byte[] {0});
          case 2 -> document.getBytes(StandardCharsets.UTF_16LE);
          default -> document.getBytes(StandardCharsets.UTF_16);
        };

    assertReadAlike(bytes);
  }

  /**
   * Containers nested around the limit, under a member the reader skips and under the ones it
   * reads.
   */
  @Property(tries = 200)
  void nest_alike_up_to_the_limit(
      @ForAll @IntRange(min = 490, max = 510) int levels,
      @ForAll @IntRange(min = 0, max = 3) int place,
      @ForAll boolean arrays) {
    String open = arrays ? "[" : "{\"k\":";
    String close = arrays ? "]" : "}";
    // Levels above the outermost object that the place itself opens: steps 0, labels 2,
    // statusDetails 1.
    int own = new int[] {0, 2, 1, 0}[place];
    int inner = levels - 1 - own;
    String deep = open.repeat(inner) + (arrays ? "" : "1") + close.repeat(inner);
    String member =
        switch (place) {
          case 0 -> "\"steps\":" + deep;
          case 1 -> "\"labels\":[{\"name\":\"layer\",\"value\":" + deep + "}]";
          case 2 -> "\"statusDetails\":{\"message\":" + deep + "}";
          default -> "\"start\":" + deep;
        };
    byte[] bytes = utf8("{\"name\":\"t\",\"status\":\"passed\"," + member + "}");

    assertReadAlike(bytes);
    boolean accepted = outcome(bytes, true) instanceof AllureResultReader.Result;
    assertThat(accepted).as("%d levels accepted", levels).isEqualTo(levels <= JsonCursor.MAX_DEPTH);
  }

  private static void assertReadAlike(byte[] bytes) {
    Object cursor = outcome(bytes, true);
    Object jackson = outcome(bytes, false);
    String document = new String(bytes, StandardCharsets.UTF_8);
    if (cursor instanceof UnreadableEvidenceException
        || jackson instanceof UnreadableEvidenceException) {
      assertThat(cursor instanceof UnreadableEvidenceException)
          .as("the cursor: %s; Jackson: %s; document: %s", cursor, jackson, document)
          .isEqualTo(jackson instanceof UnreadableEvidenceException);
    } else {
      assertThat(cursor).as(document).isEqualTo(jackson);
    }
  }

  /** The reader's result, or its refusal. */
  private static Object outcome(byte[] bytes, boolean cursor) {
    try {
      return cursor
          ? new AllureResultReader().read(FILE, bytes)
          : JacksonAllureFields.read(FILE, bytes, bytes.length);
    } catch (UnreadableEvidenceException refused) {
      return refused;
    }
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] insert(byte[] bytes, int where, byte[] inserted) {
    int at = where % (bytes.length + 1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + inserted.length);
    out.write(bytes, 0, at);
    out.write(inserted, 0, inserted.length);
    out.write(bytes, at, bytes.length - at);
    return out.toByteArray();
  }

  @Provide
  Arbitrary<String> documents() {
    return Arbitraries.oneOf(allureLike(), anyValue());
  }

  /**
   * Objects whose members are the ones the reader takes, in any order, repeated, with odd values.
   */
  @Provide
  Arbitrary<String> allureLike() {
    Arbitrary<String> label =
        Combinators.combine(
                Arbitraries.of("layer", "suite", "tag", "la\\u0079er"),
                scalar(),
                Arbitraries.integers().between(0, 4))
            .as(
                (name, value, shape) ->
                    switch (shape) {
                      case 0 -> "{\"name\":\"" + name + "\",\"value\":" + value + "}";
                      case 1 -> "{ \"value\" : " + value + " , \"name\" : \"" + name + "\" }";
                      case 2 -> "{\"name\":" + value + ",\"value\":\"x\",\"value\":" + value + "}";
                      case 3 -> "{\"name\":\"" + name + "\"}";
                      default -> value; // not a label object
                    });
    Arbitrary<String> labels =
        Arbitraries.oneOf(
            label.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]"), value(1));
    Arbitrary<String> details =
        Arbitraries.oneOf(
            scalar()
                .map(m -> "{\"known\":false,\"message\":" + m + ",\"trace\":\"at x\\n\\tat y\"}"),
            value(1));
    Arbitrary<String> member =
        Arbitraries.oneOf(
            Combinators.combine(
                    Arbitraries.of("name", "status", "fullName", "historyId", "uuid"),
                    Arbitraries.oneOf(
                        Arbitraries.of(
                            "\"passed\"",
                            "\"failed\"",
                            "\"broken\"",
                            "\"skipped\"",
                            "\"t\"",
                            "\"a.B.t\""),
                        scalar()))
                .as((k, v) -> "\"" + k + "\":" + v),
            Combinators.combine(Arbitraries.of("start", "stop"), number())
                .as((k, v) -> "\"" + k + "\":" + v),
            labels.map(v -> "\"labels\":" + v),
            details.map(v -> "\"statusDetails\":" + v),
            value(2).map(v -> "\"steps\":" + v));
    return Combinators.combine(
            Arbitraries.of("\"t\"", "\"a.B.t\""),
            Arbitraries.of("\"passed\"", "\"broken\""),
            member.list().ofMaxSize(8),
            Arbitraries.of("", " ", "\n  ", "\t", "\r\n"))
        .as(
            (name, status, members, ws) -> {
              List<String> all =
                  new java.util.ArrayList<>(List.of("\"name\":" + name, "\"status\":" + status));
              all.addAll(members);
              return "{" + ws + String.join("," + ws, all) + ws + "}" + ws;
            });
  }

  /** Any JSON value: objects, arrays and scalars of every kind, nested a few levels. */
  @Provide
  Arbitrary<String> anyValue() {
    return value(3);
  }

  private Arbitrary<String> value(int depth) {
    if (depth == 0) {
      return scalar();
    }
    Arbitrary<String> child = value(depth - 1);
    Arbitrary<String> array =
        child.list().ofMaxSize(3).map(items -> "[" + String.join(",", items) + "]");
    Arbitrary<String> object =
        Combinators.combine(
                Arbitraries.of("name", "value", "status", "message", "k", "\\u006e"), child)
            .as((k, v) -> "\"" + k + "\":" + v)
            .list()
            .ofMaxSize(3)
            .map(m -> "{" + String.join(", ", m) + "}");
    return Arbitraries.oneOf(scalar(), array, object);
  }

  private Arbitrary<String> scalar() {
    return Arbitraries.oneOf(text(), number(), Arbitraries.of("true", "false", "null"));
  }

  private Arbitrary<String> number() {
    return Arbitraries.oneOf(
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.doubles()
            .map(String::valueOf)
            .filter(d -> !d.contains("N") && !d.contains("I")),
        Arbitraries.of(
            "0",
            "-0",
            "1.5",
            "1e3",
            "-2.5E-3",
            "1E400",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775809",
            "99999999999999999999",
            "\"1795000704052\"",
            "\" 42 \"",
            "\"4x\"",
            "0.0"));
  }

  /** Strings as JSON text: plain, escaped, non-ASCII raw and escaped, surrogate pairs. */
  private Arbitrary<String> text() {
    return Arbitraries.oneOf(
            Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(8),
            Arbitraries.strings()
                .withCharRange('\u0020', '\u00ff')
                .excludeChars('"', '\\')
                .ofMaxLength(8),
            Arbitraries.of(
                "layer",
                "unit",
                "e2e",
                "passed",
                "",
                "\u00e9t\u00e9",
                "\ud83d\ude00",
                "\\n\\t\\\"\\\\\\/",
                "\\u00e9",
                "\\ud83d\\ude00",
                "\\ud800",
                "\\u0000",
                "caf\\u00E9",
                "\u2028",
                "\u007f"))
        .map(s -> "\"" + s + "\"");
  }

  @Provide
  Arbitrary<Byte> replacements() {
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
            (byte) '.',
            (byte) 'e',
            (byte) '-',
            (byte) '+',
            (byte) 'n',
            (byte) 'u',
            (byte) 0,
            (byte) 0x09,
            (byte) 0x1f,
            (byte) 0x7f,
            (byte) 0x80,
            (byte) 0xc0,
            (byte) 0xc3,
            (byte) 0xed,
            (byte) 0xf5,
            (byte) 0xff),
        Arbitraries.bytes());
  }

  /**
   * Byte sequences that are not UTF-8: stray continuations, overlong forms, surrogates, cut
   * characters.
   */
  @Provide
  Arbitrary<byte[]> notUtf8() {
    return Arbitraries.of(
        new byte[] {(byte) 0x80},
        new byte[] {(byte) 0xbf},
        new byte[] {(byte) 0xc0, (byte) 0x80},
        new byte[] {(byte) 0xc1, (byte) 0xbf},
        new byte[] {(byte) 0xe0, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        new byte[] {(byte) 0xe2, (byte) 0x82},
        new byte[] {(byte) 0xc3},
        new byte[] {(byte) 0xfe},
        new byte[] {(byte) 0xff});
  }
}
