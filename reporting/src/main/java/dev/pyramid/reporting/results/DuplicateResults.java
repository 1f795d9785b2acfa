package dev.pyramid.reporting.results;

import dev.pyramid.reporting.internal.files.FileGlob;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one check for a result that a layer would count twice: the same test in two of its files,
 * whether they lie in one result root or in two. What "the same test" is, each source says ({@link
 * EvidenceReader#resultIds}, {@link EvidenceReader#idScope}):
 *
 * <ul>
 *   <li>Allure results ({@link IdScope#EXECUTION}): a result's {@code uuid} names one execution, so
 *       two files holding one uuid are one execution twice, wherever they lie. Not {@code fullName}
 *       or {@code historyId}: the invocations of a parameterized test share the one, the retries of
 *       a test the other, each with a file of its own.
 *   <li>JUnit XML ({@link IdScope#REPORT_FOLDER}): a test is {@code classname#name}, unique within
 *       one run only. Two Jest or pytest projects, two Maven modules with a class of one name, two
 *       Surefire executions or Gradle test tasks of one class write distinct tests under one id, in
 *       files side by side (one folder, or sibling folders). So two files sharing an id hold one
 *       result only when they have the same bytes (a copy in a second folder or root, or one file
 *       reached through two roots that overlap), or when one lies in a folder below the other's,
 *       relative to their roots: a second report of the run inside the runner's report folder, as
 *       TestNG writes {@code junitreports/} and {@code <suite>/<test>.xml} beside Surefire's {@code
 *       TEST-TestSuite.xml}.
 * </ul>
 *
 * <p>The later file in path order is refused: a {@link Problem} of the layer (so INCOMPLETE) naming
 * both files, a test they share and how many, and the layer's globs that matched them, with a
 * narrower one where the folders say which. Refused rather than counted once, even when the copies
 * agree: copies need not agree (TestNG's read a thrown exception as an error, Surefire's as a
 * failure, and list a disabled test Surefire leaves out), so counting one of them would choose a
 * side silently, and a glob that reads copies is fixed in one line. A test repeated within one file
 * is its reader's matter (reruns, parameterized names), never a duplicate here.
 *
 * <p>One hash lookup per result id, in path order. Not thread-safe: one per layer and source.
 */
final class DuplicateResults {

  /** Where a source's result ids are unique, which decides when two files sharing one are one. */
  enum IdScope {
    /** Everywhere: an id names one execution (Allure's uuid). */
    EXECUTION,
    /**
     * Within one run's report folder: files sharing an id hold one result when they are byte for
     * byte the same, or one lies in a folder below the other's (JUnit's class and name).
     */
    REPORT_FOLDER
  }

  private final Layer layer;
  private final EvidenceReader<?> source;
  private final List<String> globs;
  private final Path[] roots;

  /** Per id, the file that holds it: the first, or after a distinct test of that id, the latest. */
  private final Map<String, FoundPath> holders = new HashMap<>();

  /** Per pair of files holding one result, what they share, in the order found. */
  private final Map<Pair, Shared> pairs = new LinkedHashMap<>();

  private record Pair(FoundPath later, FoundPath first) {}

  private static final class Shared {
    final String example;
    int count;

    Shared(String example) {
      this.example = example;
    }
  }

  /**
   * A check of what {@code source} read for {@code layer} by {@code globs}, under {@code roots}
   * (absolute, normalized, by their place among the roots).
   */
  DuplicateResults(Layer layer, EvidenceReader<?> source, List<String> globs, Path[] roots) {
    this.layer = layer;
    this.source = source;
    this.globs = globs;
    this.roots = roots;
  }

  /** Adds the result ids {@code path} holds; the files must come in path order. */
  void add(FoundPath path, List<String> ids) {
    for (String id : ids) {
      FoundPath holder = holders.put(id, path);
      if (holder == null || holder == path) {
        continue;
      }
      if (sameResult(holder, path)) {
        holders.put(id, holder); // a third copy is named beside the first
        pairs.computeIfAbsent(new Pair(path, holder), pair -> new Shared(id)).count++;
      }
    }
  }

  /** One problem per file that holds results of an earlier one again. */
  List<Problem> problems() {
    List<Problem> problems = new ArrayList<>(pairs.size());
    pairs.forEach(
        (pair, shared) ->
            problems.add(new Problem(pair.later.path, reason(pair.first, pair.later, shared))));
    return problems;
  }

  private boolean sameResult(FoundPath first, FoundPath later) {
    if (source.idScope() == IdScope.EXECUTION || first.path.equals(later.path)) {
      return true;
    }
    if (first.sha256 != null && Arrays.equals(first.sha256, later.sha256)) {
      return true;
    }
    String one = folder(first);
    String other = folder(later);
    return one != null && other != null && (below(one, other) || below(other, one));
  }

  /** The folder of {@code path} relative to its root, with a trailing '/'; "" at the root's top. */
  private static String folder(FoundPath path) {
    return path.relative == null
        ? null
        : path.relative.substring(0, path.relative.lastIndexOf('/') + 1);
  }

  private static boolean below(String outer, String inner) {
    return inner.length() > outer.length() && inner.startsWith(outer);
  }

  private String reason(FoundPath first, FoundPath later, Shared shared) {
    String id = (source.idScope() == IdScope.EXECUTION ? "result " : "test ") + shared.example;
    StringBuilder reason =
        new StringBuilder("holds ")
            .append(shared.count == 1 ? id : shared.count + " results (" + id + ", ...)")
            .append(" of ")
            .append(first.path);
    if (first.root != later.root) {
      reason.append(" (in root ").append(roots[first.root]).append(')');
    }
    reason.append(" again, which would count twice: ");
    if (first.path.equals(later.path)) {
      return reason
          .append("the same file, read through result roots that overlap (")
          .append(roots[first.root])
          .append(", ")
          .append(roots[later.root])
          .append("); give roots that do not lie one inside the other")
          .toString();
    }
    boolean copy =
        source.idScope() == IdScope.EXECUTION
            || first.sha256 != null && Arrays.equals(first.sha256, later.sha256);
    reason.append(
        copy
            ? "a copy of it"
                + (source.idScope() == IdScope.EXECUTION
                    ? " (a uuid names one execution)"
                    : " (the same bytes)")
            : "a second report of the same run, from a folder below that file's (as TestNG writes"
                + " junitreports/ and <suite>/ beside Surefire's report; the two need not agree)");
    return reason.append(". ").append(fix(first, later, copy)).toString();
  }

  /** Which of the layer's globs matched the two files, and how to narrow them. */
  private String fix(FoundPath first, FoundPath later, boolean copy) {
    List<String> matchFirst = matching(first);
    List<String> matchLater = matching(later);
    String what = "The " + source.key() + " glob";
    String where = " of layer " + layer.id();
    for (String glob : matchLater) {
      if (matchFirst.contains(glob)) {
        String fix = what + " \"" + glob + "\"" + where + " matches both: ";
        if (copy) {
          return fix
              + (first.root != later.root
                  ? "remove the copy, or leave one of the two roots out"
                  : "remove the copy, or narrow the glob so that it matches one of them");
        }
        return fix + "narrow it so that it matches one of them" + narrower(glob, first, later);
      }
    }
    return what
        + "s "
        + quoted(matchFirst)
        + " and "
        + quoted(matchLater)
        + where
        + " match one each: narrow them so that only one of the two files is read";
  }

  /**
   * ", e.g. GLOB": {@code glob} narrowed to the shallower file's folder name, when that matches the
   * shallower file and not the deeper one (Surefire's report, not TestNG's copy); else "".
   */
  private static String narrower(String glob, FoundPath first, FoundPath later) {
    boolean firstShallower = folder(first).length() < folder(later).length();
    FoundPath shallow = firstShallower ? first : later;
    FoundPath deep = firstShallower ? later : first;
    String folder = folder(shallow);
    if (folder.isEmpty()) {
      return "";
    }
    String narrow =
        "**/"
            + folder.substring(folder.lastIndexOf('/', folder.length() - 2) + 1)
            + glob.substring(glob.lastIndexOf('/') + 1);
    FileGlob matcher = new FileGlob(narrow);
    return matcher.matches(shallow.relative) && !matcher.matches(deep.relative)
        ? ", e.g. \"" + narrow + "\""
        : "";
  }

  private List<String> matching(FoundPath path) {
    List<String> matching = new ArrayList<>();
    for (String glob : globs) {
      if (path.relative != null && new FileGlob(glob).matches(path.relative)) {
        matching.add(glob);
      }
    }
    return matching;
  }

  private static String quoted(List<String> globs) {
    return globs.stream().map(glob -> "\"" + glob + "\"").toList().toString();
  }
}
