package dev.pyramid.reporting.results;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;

/**
 * One result glob (relative to a result root), matched against a file's path relative to that root.
 *
 * <p>It means exactly what {@link FileSystems#getDefault()}'s {@code glob:} syntax means, with a glob
 * starting with {@code **}{@code /} also matching at the root itself. The globs results are found by
 * ({@code **}{@code /target/surefire-reports/unit/TEST-*.xml}, {@code allure-results/*-result.json}) are
 * matched by plain string comparison, segment by segment from the file name backwards, so that nearly
 * every other file is rejected by its name without building a path or running a regular expression; any
 * glob with {@code ?}, {@code [}, {@code {}, a backslash or an inner {@code **} goes to the JDK's matcher.
 * Immutable, thread-safe.
 */
final class FileGlob {

  private final String[] segments; // null when the JDK matcher is used
  private final boolean anyDirectoriesFirst;
  private final PathMatcher jdk;

  FileGlob(String glob) {
    boolean tail = glob.startsWith("**/");
    String rest = tail ? glob.substring(3) : glob;
    boolean simple = !rest.isEmpty() && !rest.contains("**") && rest.chars().noneMatch(c -> "?[]{}\\".indexOf(c) >= 0)
        && !rest.startsWith("/") && !rest.endsWith("/") && !rest.contains("//");
    this.anyDirectoriesFirst = tail;
    this.segments = simple ? rest.split("/") : null;
    this.jdk = simple ? null
        : FileSystems.getDefault().getPathMatcher("glob:" + (tail ? glob : "root/" + glob));
  }

  /**
   * True when {@code relative} (a path below the root, '/'-separated, no leading '/') matches.
   *
   * @param root the root, and {@code file} below it, for globs the JDK matches
   */
  boolean matches(String relative, Path root, Path file) {
    if (segments == null) {
      return jdk.matches(Path.of("root").resolve(root.relativize(file)));
    }
    int end = relative.length();
    for (int i = segments.length - 1; i >= 0; i--) {
      if (end < 0) {
        return false; // fewer directories than the glob names
      }
      int slash = relative.lastIndexOf('/', end - 1);
      if (!segmentMatches(segments[i], relative, slash + 1, end)) {
        return false;
      }
      end = slash;
    }
    // All segments matched: a glob anchored at the root needs no directories left; "**/" takes any.
    return anyDirectoriesFirst || end < 0;
  }

  /** Wildcard matching of one segment with '*' (any run of characters within the segment). */
  static boolean segmentMatches(String pattern, String text, int from, int to) {
    int p = 0;
    int t = from;
    int star = -1;
    int afterStar = 0;
    while (t < to) {
      if (p < pattern.length() && pattern.charAt(p) != '*' && pattern.charAt(p) == text.charAt(t)) {
        p++;
        t++;
      } else if (p < pattern.length() && pattern.charAt(p) == '*') {
        star = p++;
        afterStar = t;
      } else if (star >= 0) {
        p = star + 1;
        t = ++afterStar;
      } else {
        return false;
      }
    }
    while (p < pattern.length() && pattern.charAt(p) == '*') {
      p++;
    }
    return p == pattern.length();
  }
}
