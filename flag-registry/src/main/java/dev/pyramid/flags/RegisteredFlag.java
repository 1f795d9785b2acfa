package dev.pyramid.flags;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A flag as the registry accounts for it: its configuration and who answers for it until when.
 *
 * @param removal the day it is due to go; empty only for a kind that may be permanent
 */
public record RegisteredFlag(
    FlagConfig config,
    String owner,
    String description,
    FlagKind kind,
    LocalDate created,
    Optional<LocalDate> removal) {

  public String name() {
    return config.name();
  }
}
