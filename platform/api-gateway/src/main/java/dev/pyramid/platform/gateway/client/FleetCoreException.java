package dev.pyramid.platform.gateway.client;

import java.util.Optional;

/**
 * fleet-core answered, but not with what was asked for: an error answer ({@code status} 4xx/5xx,
 * with fleet-core's {@code error} code and message), or a success answer this client cannot read
 * ({@code error} is then {@value #INVALID_RESPONSE} and {@code status} the HTTP status received).
 */
public final class FleetCoreException extends RuntimeException {

  /** The error code for a response body that lacks what the client relies on or is not JSON. */
  public static final String INVALID_RESPONSE = "invalid_response";

  private final int status;
  private final String error;
  private final String field;

  public FleetCoreException(int status, String error, String message) {
    this(status, error, message, null);
  }

  public FleetCoreException(int status, String error, String message, String field) {
    super(message);
    this.status = status;
    this.error = error;
    this.field = field;
  }

  /** The HTTP status fleet-core answered with. */
  public int status() {
    return status;
  }

  /** fleet-core's machine-readable error code, e.g. {@code no_vehicle_available}. */
  public String error() {
    return error;
  }

  /** The request field fleet-core named as invalid, for validation errors. */
  public Optional<String> field() {
    return Optional.ofNullable(field);
  }
}
