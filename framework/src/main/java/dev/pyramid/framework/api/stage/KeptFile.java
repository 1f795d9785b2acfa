package dev.pyramid.framework.api.stage;

import dev.pyramid.framework.internal.files.Sha256;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One file {@code pyramid promote} kept of a stage's build.
 *
 * @param kind the policy's {@code deployed:} kind: {@code api}, {@code pacts} or {@code artifacts}
 * @param path where the file lay, relative to where promote ran (for example {@code
 *     platform/fleet-core/target/fleet-core-0.1.0-all.jar})
 * @param sha256 the SHA-256 of its bytes when kept, lower-case hex
 * @param size its size in bytes when kept
 * @param location where the kept copy lies now
 */
public record KeptFile(String kind, String path, String sha256, long size, Path location) {

  public KeptFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(location, "location");
  }

  /**
   * The kept copy, once its bytes are checked to be the ones kept: a stage is never judged by a
   * file changed since.
   *
   * @throws IllegalStateException when the copy is missing or its SHA-256 differs, naming both
   */
  public Path verified() {
    if (!Files.isRegularFile(location)) {
      throw new IllegalStateException(
          "The kept file "
              + location
              + " is missing: the store beside the history is incomplete. Restore it with the"
              + " history (CI caches both), or promote the stage's build again.");
    }
    String actual = Sha256.of(location);
    if (!actual.equals(sha256)) {
      throw new IllegalStateException(
          "The kept file "
              + location
              + " was changed after pyramid promote kept it (SHA-256 "
              + actual
              + ", kept "
              + sha256
              + "). Restore the store beside the history from CI's cache.");
    }
    return location;
  }
}
