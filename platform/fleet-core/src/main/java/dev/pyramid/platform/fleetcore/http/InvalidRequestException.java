package dev.pyramid.platform.fleetcore.http;

import java.util.Optional;

/** A request body that fleet-core refuses, naming the offending field where there is one. */
public final class InvalidRequestException extends RuntimeException {

  private final String field;

  public InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /**
   * The dotted path of the offending field ({@code pickup.lat}); empty for a body that is not JSON
   * at all.
   */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
