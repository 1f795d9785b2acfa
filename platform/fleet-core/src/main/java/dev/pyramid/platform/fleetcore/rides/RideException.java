package dev.pyramid.platform.fleetcore.rides;

/**
 * A ride operation that cannot be done as asked; {@link #kind()} says why, and the HTTP layer turns
 * it into a status and error code.
 */
public final class RideException extends RuntimeException {

  /** Why a ride operation was refused. */
  public enum Kind {
    NOT_FOUND,
    NO_VEHICLE_AVAILABLE,
    NOT_CANCELLABLE
  }

  private final Kind kind;

  public RideException(Kind kind, String message) {
    super(message);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
