package dev.pyramid.reporting.results;

import java.nio.file.Path;

/** A result file (or run directory) that exists but could not be read as evidence, and why. */
public record Problem(Path file, String reason) {

  @Override
  public String toString() {
    return file + ": " + reason;
  }
}
