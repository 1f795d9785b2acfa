package dev.pyramid.platform.fleetcore.routing;

/**
 * The routing API gave no usable ETA: it failed, timed out, was unreachable or answered nonsense.
 */
public final class RoutingUnavailableException extends RuntimeException {

  public RoutingUnavailableException(String message) {
    super(message);
  }

  public RoutingUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
