package dev.pyramid.reporting.results;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one Gatling 3.15 run directory ({@code target/gatling/<simulation>-<timestamp>/}).
 *
 * <p>Gatling 3.15 writes no machine-readable statistics (no {@code js/stats.js} data, no {@code
 * stats.json}); its {@code index.html} is the only place its own numbers appear. This reader
 * follows the markup of Gatling 3.15.1's {@code AssertionsTableComponent} (table {@code
 * container_assertions}: Gatling's assertion text, then OK or KO) and {@code
 * GlobalStatsTableComponent} (tables {@code container_statistics_head} for "All Requests" and
 * {@code container_statistics_body} for each request: columns col-2..col-6 Total, OK, KO, % KO,
 * Cnt/s, then the response-time columns whose labels the header names). A directory without {@code
 * index.html} (a crashed run leaves only {@code simulation.log}) is unreadable. Thread-safe.
 */
final class GatlingReportReader implements EvidenceReader<GatlingReportReader.Run> {

  /** What one run's report holds. */
  public record Run(
      Path directory,
      String simulation,
      List<PerfAssertion> assertions,
      List<RequestStats> requests) {}

  private static final Pattern RUN_SUFFIX = Pattern.compile("-\\d{8,}$");
  private static final Pattern ROW = Pattern.compile("<tr\\b[^>]*>(.*?)</tr>", Pattern.DOTALL);
  private static final Pattern CELL =
      Pattern.compile("<td\\s+class=\"([^\"]*)\"\\s*>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern HEADER =
      Pattern.compile("<th\\s+id=\"col-(\\d+)\"[^>]*>(.*?)</th>", Pattern.DOTALL);
  private static final Pattern NAME =
      Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
  private static final Pattern TAGS = Pattern.compile("<[^>]+>");
  private static final Pattern HIDDEN_INDEX =
      Pattern.compile("<span class=\"value\" style=\"display:none;?\">.*?</span>", Pattern.DOTALL);

  /** The simulation a run directory belongs to: its name without Gatling's timestamp suffix. */
  public static String simulationOf(Path runDirectory) {
    return RUN_SUFFIX.matcher(runDirectory.getFileName().toString()).replaceFirst("");
  }

  @Override
  public String key() {
    return "gatling";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.PERF ? List.of("**/target/gatling/*") : List.of();
  }

  @Override
  public boolean readsDirectories() {
    return true;
  }

  /**
   * The newest run of each simulation in each directory: Gatling names runs {@code
   * <simulation>-<yyyyMMddHHmmssSSS>}, so the newest sorts last.
   */
  @Override
  public List<Path> toRead(List<Path> matched) {
    Path[] sorted = matched.toArray(new Path[0]);
    Arrays.sort(sorted); // Path.compareTo: deterministic, without making a string of each
    Map<String, Path> newest = new LinkedHashMap<>();
    for (Path run : sorted) {
      newest.put(run.getParent() + "|" + simulationOf(run), run);
    }
    return List.copyOf(newest.values());
  }

  @Override
  public Run read(Path runDirectory, byte[] unused, int length) throws UnreadableEvidenceException {
    return read(runDirectory);
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<Run> runs) {
    for (Run run : runs) {
      layer.addAssertions(run.assertions()).addRequests(run.requests());
    }
  }

  /** Reads the run in {@code runDirectory}, or throws naming it and the reason. */
  public Run read(Path runDirectory) throws UnreadableEvidenceException {
    Path index = runDirectory.resolve("index.html");
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(index, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      String seen =
          Files.exists(runDirectory.resolve("simulation.log")) ? " (simulation.log only)" : "";
      throw new UnreadableEvidenceException(
          runDirectory,
          "no index.html" + seen + ": the run crashed or its report was not generated");
    }
    if (!attributes.isRegularFile()) {
      // Neither opened nor followed, as any result file a glob matches.
      throw new UnreadableEvidenceException(index, NonRegularFile.refusal(index, attributes, null));
    }
    String html;
    try (InputStream in = Files.newInputStream(index, LinkOption.NOFOLLOW_LINKS)) {
      html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UnreadableEvidenceException(index, "cannot read: " + e.getMessage(), e);
    }
    String simulation = simulationOf(runDirectory);
    String head =
        table(html, "container_statistics_head")
            .orElseThrow(
                () ->
                    new UnreadableEvidenceException(
                        index,
                        "no statistics table (container_statistics_head): not a Gatling 3.15 report, or cut off"));
    if (!html.contains("</html>")) {
      throw new UnreadableEvidenceException(index, "index.html is cut off (no </html>)");
    }
    Map<Integer, String> columns = headerLabels(head);
    List<RequestStats> requests =
        new ArrayList<>(statsRows(index, simulation, tbody(head), columns));
    table(html, "container_statistics_body")
        .ifPresent(body -> requests.addAll(statsRows(index, simulation, tbody(body), columns)));
    if (requests.stream().noneMatch(RequestStats::isGlobal)) {
      throw new UnreadableEvidenceException(
          index, "the statistics table has no \"All Requests\" row");
    }
    List<PerfAssertion> assertions = new ArrayList<>();
    Optional<String> assertionTable = table(html, "container_assertions");
    if (assertionTable.isPresent()) {
      for (String row : rows(tbody(assertionTable.get()))) {
        List<String[]> cells = cells(row);
        if (cells.size() < 2) {
          throw new UnreadableEvidenceException(index, "an assertion row without text and status");
        }
        String description = text(HIDDEN_INDEX.matcher(cells.get(0)[1]).replaceAll(""));
        String status = text(cells.get(1)[1]);
        if (!status.equals("OK") && !status.equals("KO")) {
          throw new UnreadableEvidenceException(
              index, "assertion status \"" + status + "\" is neither OK nor KO");
        }
        assertions.add(
            new PerfAssertion(
                simulation,
                description,
                expectedOf(description),
                actualOf(description, requests),
                status.equals("OK"),
                index));
      }
    }
    return new Run(runDirectory, simulation, List.copyOf(assertions), List.copyOf(requests));
  }

  private static List<RequestStats> statsRows(
      Path index, String simulation, String tbody, Map<Integer, String> columns) {
    List<RequestStats> stats = new ArrayList<>();
    for (String row : rows(tbody)) {
      Matcher name = NAME.matcher(row);
      if (!name.find()) {
        continue;
      }
      Map<Integer, String> values = new LinkedHashMap<>();
      for (String[] cell : cells(row)) {
        Matcher column = Pattern.compile("\\bcol-(\\d+)\\b").matcher(cell[0]);
        if (column.find()) {
          values.put(Integer.parseInt(column.group(1)), text(cell[1]));
        }
      }
      Map<String, Double> times = new LinkedHashMap<>();
      columns.forEach(
          (col, label) -> {
            if (col >= 7) {
              Double value = number(values.get(col));
              if (value != null) {
                times.put(label, value);
              }
            }
          });
      stats.add(
          new RequestStats(
              simulation,
              text(name.group(1)),
              count(values.get(2)),
              count(values.get(3)),
              count(values.get(4)),
              number(values.get(5)),
              number(values.get(6)),
              times,
              index));
    }
    return stats;
  }

  /** "is less than 800" out of "Global: 95th percentile of response time is less than 800". */
  static String expectedOf(String description) {
    int at = description.lastIndexOf(" is ");
    return at < 0 ? "" : description.substring(at + 1);
  }

  /**
   * The value the statistics table shows for what the assertion measures, when that is unambiguous:
   * a response-time column, a count or the KO percentage of the row the assertion's path names.
   */
  static String actualOf(String description, List<RequestStats> requests) {
    int colon = description.indexOf(": ");
    int is = description.lastIndexOf(" is ");
    if (colon < 0 || is < colon) {
      return "";
    }
    String path = description.substring(0, colon);
    String target = description.substring(colon + 2, is).toLowerCase(Locale.ROOT);
    // Detail paths read "group / request"; the table names each row by its last segment.
    int slash = path.lastIndexOf(" / ");
    String wanted =
        path.equals("Global") ? "All Requests" : path.substring(slash < 0 ? 0 : slash + 3);
    Optional<RequestStats> row = requests.stream().filter(r -> r.name().equals(wanted)).findFirst();
    if (row.isEmpty() || requests.stream().filter(r -> r.name().equals(wanted)).count() > 1) {
      return "";
    }
    RequestStats stats = row.get();
    Double value =
        switch (target) {
          case "count of all events" -> (double) stats.total();
          case "count of failed events" -> (double) stats.ko();
          case "count of successful events" -> (double) stats.ok();
          case "percentage of failed events" -> stats.koPercent();
          case "min of response time" -> stats.responseTimesMs().get("Min");
          case "max of response time" -> stats.responseTimesMs().get("Max");
          case "mean of response time" -> stats.responseTimesMs().get("Mean");
          case "standard deviation of response time" -> stats.responseTimesMs().get("Std Dev");
          default -> {
            Matcher percentile =
                Pattern.compile("^(\\d+(?:st|nd|rd|th)) percentile of response time$")
                    .matcher(target);
            yield percentile.matches()
                ? stats.responseTimesMs().get(percentile.group(1) + " pct")
                : null;
          }
        };
    if (value == null) {
      return "";
    }
    return value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value);
  }

  private static Map<Integer, String> headerLabels(String table) {
    Map<Integer, String> labels = new LinkedHashMap<>();
    Matcher header = HEADER.matcher(table);
    while (header.find()) {
      labels.put(Integer.parseInt(header.group(1)), text(header.group(2)));
    }
    return labels;
  }

  private static Optional<String> table(String html, String id) {
    int start = html.indexOf("<table id=\"" + id + "\"");
    if (start < 0) {
      return Optional.empty();
    }
    int end = html.indexOf("</table>", start);
    return end < 0 ? Optional.empty() : Optional.of(html.substring(start, end));
  }

  private static String tbody(String table) {
    int start = table.indexOf("<tbody>");
    int end = table.lastIndexOf("</tbody>");
    return start < 0 || end < start ? "" : table.substring(start + "<tbody>".length(), end);
  }

  private static List<String> rows(String tbody) {
    List<String> rows = new ArrayList<>();
    Matcher row = ROW.matcher(tbody);
    while (row.find()) {
      rows.add(row.group(1));
    }
    return rows;
  }

  private static List<String[]> cells(String row) {
    List<String[]> cells = new ArrayList<>();
    Matcher cell = CELL.matcher(row);
    while (cell.find()) {
      cells.add(new String[] {cell.group(1), cell.group(2)});
    }
    return cells;
  }

  private static String text(String html) {
    String plain =
        TAGS.matcher(html).replaceAll("").replace("&nbsp;", " ").trim().replaceAll("\\s+", " ");
    return plain
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&amp;", "&");
  }

  private static Double number(String text) {
    if (text == null) {
      return null;
    }
    String digits = text.replace(",", "").replace(" ", "").replace("%", "");
    if (digits.isEmpty() || digits.equals("-")) {
      return null;
    }
    try {
      return Double.parseDouble(digits);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long count(String text) {
    Double value = number(text);
    return value == null ? 0 : value.longValue();
  }
}
