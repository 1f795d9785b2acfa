package dev.pyramid.platform.fleetcore.store;

/** The database could not be reached, migrated or queried. */
public final class DatabaseException extends RuntimeException {

  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
