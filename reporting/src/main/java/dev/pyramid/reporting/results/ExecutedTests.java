package dev.pyramid.reporting.results;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The ids ({@link TestCase#id()}) of the tests a build executed, per layer: what {@code
 * max-vanished-tests} compares a build with, kept for the builds promoted to a stage.
 *
 * <p>A skipped test is not executed: a test that a later build skips is counted by {@code
 * max-skipped}, not as vanished.
 *
 * <p>Kept on disk as gzipped UTF-8 text, one {@code layer TAB id} line per test, sorted (so that
 * the same tests give the same bytes, and {@code zcat} shows them); a tab, newline or backslash in
 * an id is written {@code \t}, {@code \n}, {@code \\}. Sorted ids compress well: 100,000 ids of
 * about 80 characters take about 0.9 MB, written in a few tens of milliseconds.
 */
public record ExecutedTests(Map<Layer, Set<String>> ids) {

  private static final int MAX_DECOMPRESSED = 512 * 1024 * 1024;

  public ExecutedTests {
    EnumMap<Layer, Set<String>> copy = new EnumMap<>(Layer.class);
    ids.forEach((layer, set) -> copy.put(layer, sorted(set)));
    ids = Collections.unmodifiableMap(copy);
  }

  /** The ids in order: a sort of what is sorted already (a file read back) is one pass. */
  private static Set<String> sorted(Set<String> ids) {
    List<String> sorted = new ArrayList<>(ids);
    Collections.sort(sorted);
    return Collections.unmodifiableSet(new LinkedHashSet<>(sorted));
  }

  /** The tests {@code evidence} holds that ran (passed, failed or errored), per layer. */
  public static ExecutedTests of(List<LayerEvidence> evidence) {
    Map<Layer, Set<String>> ids = new EnumMap<>(Layer.class);
    for (LayerEvidence layer : evidence) {
      for (TestCase test : layer.testCases()) {
        if (test.status() != TestCase.Status.SKIPPED) {
          ids.computeIfAbsent(layer.layer(), l -> new HashSet<>()).add(test.id());
        }
      }
    }
    return new ExecutedTests(ids);
  }

  /** The ids of {@code layer}'s executed tests; empty when it ran none. */
  public Set<String> of(Layer layer) {
    return ids.getOrDefault(layer, Collections.emptySet());
  }

  /** The number of ids, all layers together. */
  public int size() {
    return ids.values().stream().mapToInt(Set::size).sum();
  }

  /** The gzipped text described above. */
  public byte[] encode() {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<Layer, Set<String>> layer : ids.entrySet()) {
      for (String id : layer.getValue()) {
        text.append(layer.getKey().id()).append('\t');
        escape(id, text);
        text.append('\n');
      }
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    // The fastest level: a sixth of the time of the default for a quarter more bytes.
    try (GZIPOutputStream gzip =
        new GZIPOutputStream(bytes, 64 * 1024) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      gzip.write(text.toString().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen in memory", e);
    }
    return bytes.toByteArray();
  }

  /**
   * Reads what {@link #encode} wrote.
   *
   * @param name the file's name, for messages
   * @throws IOException naming the file, the line and what is wrong
   */
  public static ExecutedTests decode(String name, byte[] gzipped) throws IOException {
    String text = new String(gunzip(name, gzipped), StandardCharsets.UTF_8);
    Map<Layer, Set<String>> ids = new EnumMap<>(Layer.class);
    String layerName = null; // lines come grouped by layer: look a layer up once per group
    Set<String> layerIds = null;
    int number = 0;
    for (String line : text.split("\n")) {
      number++;
      int tab = line.indexOf('\t');
      if (layerName == null || !line.startsWith(layerName) || tab != layerName.length()) {
        Layer layer = tab < 0 ? null : Layer.byId(line.substring(0, tab)).orElse(null);
        if (layer == null) {
          throw new IOException(name + ":" + number + ": not a \"layer<TAB>test id\" line");
        }
        layerName = line.substring(0, tab);
        layerIds = ids.computeIfAbsent(layer, l -> new LinkedHashSet<>());
      }
      layerIds.add(unescape(line.substring(tab + 1)));
    }
    return new ExecutedTests(ids);
  }

  private static byte[] gunzip(String name, byte[] gzipped) throws IOException {
    byte[] text;
    boolean more;
    try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      text = in.readNBytes(MAX_DECOMPRESSED);
      more = in.read() != -1;
    } catch (IOException e) {
      throw new IOException(name + ": not a gzipped list of test ids (" + e.getMessage() + ")", e);
    }
    if (more) {
      throw new IOException(name + ": more than " + MAX_DECOMPRESSED + " bytes of test ids");
    }
    return text;
  }

  private static void escape(String id, StringBuilder out) {
    if (id.indexOf('\t') < 0 && id.indexOf('\n') < 0 && id.indexOf('\\') < 0) {
      out.append(id);
      return;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      switch (c) {
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\\' -> out.append("\\\\");
        default -> out.append(c);
      }
    }
  }

  private static String unescape(String escaped) {
    if (escaped.indexOf('\\') < 0) {
      return escaped;
    }
    StringBuilder id = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c == '\\' && i + 1 < escaped.length()) {
        char next = escaped.charAt(++i);
        id.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
      } else {
        id.append(c);
      }
    }
    return id.toString();
  }
}
