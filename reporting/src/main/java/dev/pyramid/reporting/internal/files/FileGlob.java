package dev.pyramid.reporting.internal.files;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.PatternSyntaxException;

/**
 * One glob relative to a result root, matched against a path relative to that root: the one meaning of a
 * glob wherever Pyramid matches one (the policy's sources, Gatling run directories, a stamp's include globs).
 *
 * <p>It means exactly what {@link FileSystems#getDefault()}'s {@code glob:} syntax means for the path
 * {@code <root>/<relative>}, with a glob starting with {@code **}{@code /} also matching at the root itself
 * ({@code **}{@code /target/gatling/*} matches {@code target/gatling/run-1}); {@code **} alone matches
 * everything below the root. The globs results are found by
 * ({@code **}{@code /target/surefire-reports/unit/TEST-*.xml}, {@code allure-results/*-result.json}) are
 * matched by plain string comparison, segment by segment from the file name backwards, so that nearly
 * every other file is rejected by its name without building a path or running a regular expression; any
 * glob with {@code ?}, {@code [}, {@code {}, a backslash or an inner {@code **} goes to the JDK's matcher.
 * Immutable, thread-safe.
 */
public final class FileGlob {

  private final Segment[] segments; // null when the JDK matcher is used
  private final boolean anyDirectoriesFirst;
  private final PathMatcher jdk;

  /**
   * Compiles {@code glob}.
   *
   * @throws IllegalArgumentException when it is not a valid glob, with the reason ({@link
   *     #invalid})
   */
  public FileGlob(String glob) {
    boolean tail = glob.startsWith("**/");
    String rest = tail ? glob.substring(3) : glob;
    boolean simple =
        !rest.isEmpty()
            && !rest.contains("**")
            && rest.chars().noneMatch(c -> "?[]{}\\".indexOf(c) >= 0)
            && !rest.startsWith("/")
            && !rest.endsWith("/")
            && !rest.contains("//");
    this.anyDirectoriesFirst = tail;
    this.segments =
        simple ? Arrays.stream(rest.split("/")).map(Segment::of).toArray(Segment[]::new) : null;
    this.jdk = simple ? null : jdkMatcher(glob);
  }

  /**
   * Why {@code glob} is not a valid glob (the JDK's description and its index in the glob); empty
   * when it is one.
   */
  public static Optional<String> invalid(String glob) {
    try {
      jdkMatcher(glob);
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
  }

  private static PathMatcher jdkMatcher(String glob) {
    String full = glob.startsWith("**/") ? glob : "root/" + glob;
    try {
      return FileSystems.getDefault().getPathMatcher("glob:" + full);
    } catch (PatternSyntaxException e) {
      // The index is into what was compiled; said of the glob as written.
      int index = e.getIndex() - (full.length() - glob.length());
      throw new IllegalArgumentException(
          e.getDescription() + (index >= 0 ? " near index " + index : ""), e);
    }
  }

  /**
   * True when the file or directory {@code relative} to the root ('/'-separated, no leading '/')
   * matches.
   */
  public boolean matches(String relative) {
    if (segments == null) {
      return jdk.matches(Path.of("root", relative));
    }
    if (!segments[segments.length - 1].mayEnd(relative)) {
      return false; // most files, by their name's literal end, before the name is even looked for
    }
    int end = relative.length();
    for (int i = segments.length - 1; i >= 0; i--) {
      if (end < 0) {
        return false; // fewer directories than the glob names
      }
      int slash = relative.lastIndexOf('/', end - 1);
      if (!segments[i].matches(relative, slash + 1, end)) {
        return false;
      }
      end = slash;
    }
    // All segments matched: a glob anchored at the root needs no directories left; "**/" takes any.
    return anyDirectoriesFirst || end < 0;
  }

  /**
   * One segment of a simple glob, sorted once by its shape, so that the usual ones ({@code
   * TEST-*.xml}, {@code *-result.json}, {@code jacoco.xml}) are matched by comparing their literal
   * ends with the name instead of the general wildcard search: this runs once per file of a large
   * result set.
   */
  private record Segment(String pattern, String prefix, String suffix, boolean general) {

    static Segment of(String pattern) {
      int first = pattern.indexOf('*');
      int last = pattern.lastIndexOf('*');
      if (first < 0) {
        return new Segment(
            pattern, pattern, "", false); // a literal: the prefix is all, and nothing may follow
      }
      if (first == last) {
        return new Segment(
            pattern, pattern.substring(0, first), pattern.substring(first + 1), false);
      }
      return new Segment(pattern, "", "", true);
    }

    /**
     * False when no text ending as {@code text} does can end in this segment: its literal end is
     * not there.
     */
    boolean mayEnd(String text) {
      return general || text.endsWith(prefix.length() == pattern.length() ? prefix : suffix);
    }

    boolean matches(String text, int from, int to) {
      if (general) {
        return segmentMatches(pattern, text, from, to);
      }
      int length = to - from;
      if (prefix.length() == pattern.length()) {
        return length == prefix.length()
            && text.startsWith(prefix, from); // no star: the literal itself
      }
      return length >= prefix.length() + suffix.length()
          && text.startsWith(prefix, from)
          && text.startsWith(suffix, to - suffix.length());
    }
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
