package dev.pyramid.reporting.apidiff;

import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How {@link ApiDiff} judges: which path segment is a version, what day it is, and sunset dates
 * given from outside the documents (a policy's), which take precedence over an operation's {@code
 * x-sunset}.
 *
 * @param version a path segment this pattern matches whole names the path's version
 * @param today removals whose sunset date is on or before this day are compatible
 * @param sunsets sunset dates by operation ({@code "DELETE /v1/rides/{id}"}) or by version ({@code
 *     "v1"}, every operation of it); an operation's own key wins over its version's
 */
public record ApiDiffRules(Pattern version, LocalDate today, Map<String, LocalDate> sunsets) {

  /** The default version pattern: {@code v1}, {@code v2}... */
  public static final String DEFAULT_VERSION_PATTERN = "v\\d+";

  public ApiDiffRules {
    sunsets = Map.copyOf(sunsets);
  }

  /** The default pattern, no sunset dates but the documents'. */
  public static ApiDiffRules on(LocalDate today) {
    return new ApiDiffRules(Pattern.compile(DEFAULT_VERSION_PATTERN), today, Map.of());
  }
}
