package dev.pyramid.platform.gateway.client;

/** fleet-core could not be reached or did not answer in time. */
public final class FleetCoreUnavailableException extends RuntimeException {

  public FleetCoreUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
