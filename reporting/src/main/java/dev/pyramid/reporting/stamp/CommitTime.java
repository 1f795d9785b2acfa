package dev.pyramid.reporting.stamp;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/**
 * When a build's commit was made: where lead times for changes start. The committer's time, not the
 * author's: a rebased or merged change enters the main line when it is committed there.
 *
 * <p>Resolved from an explicit value first, then GitLab's {@code CI_COMMIT_TIMESTAMP}, then {@code
 * git show -s --format=%cI COMMIT} in the working directory (a shallow CI checkout has its head
 * commit). GitHub Actions has no variable for it; its checkout answers through git.
 */
public final class CommitTime {
  private CommitTime() {}

  /** An explicit commit time that is not an ISO-8601 time with an offset. */
  public static final class InvalidException extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidException(String message) {
      super(message);
    }
  }

  /**
   * The time {@code commit} was committed, or empty when nothing says (the decision then records
   * none, and lead times leave its build out, counting it).
   *
   * @param explicit the value given on the command line, or null
   */
  public static Optional<Instant> resolve(
      String explicit, String commit, Map<String, String> environment, Path workingDirectory)
      throws InvalidException {
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(parse(explicit.strip(), "--committed-at"));
    }
    String gitlab = environment.get("CI_COMMIT_TIMESTAMP");
    if (gitlab != null && !gitlab.isBlank()) {
      return Optional.of(parse(gitlab.strip(), "CI_COMMIT_TIMESTAMP"));
    }
    if (!commit.matches("[0-9a-fA-F]{7,64}")) {
      return Optional.empty();
    }
    return Git.output(workingDirectory, "show", "-s", "--format=%cI", commit)
        .flatMap(
            out -> {
              try {
                return Optional.of(parse(out, "git show"));
              } catch (InvalidException e) {
                return Optional.empty();
              }
            });
  }

  private static Instant parse(String value, String from) throws InvalidException {
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      throw new InvalidException(
          from
              + " is \""
              + value
              + "\", not a time with its offset: write it as 2026-12-01T09:30:00Z or"
              + " 2026-12-01T10:30:00+01:00 (git show -s --format=%cI prints it so)");
    }
  }
}
