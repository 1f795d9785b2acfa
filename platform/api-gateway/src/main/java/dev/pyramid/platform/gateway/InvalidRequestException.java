package dev.pyramid.platform.gateway;

/** A request body the gateway cannot even turn into a typed request. */
final class InvalidRequestException extends RuntimeException {

  private final String field;

  InvalidRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The offending field's dotted path, or null for a body that is not a JSON object. */
  String field() {
    return field;
  }
}
