package dev.pyramid.reporting.apidiff;

/**
 * An input of {@code api-diff} that cannot be compared: not found, not fetched, not YAML or JSON,
 * not an OpenAPI 3.0 document, or one that openapi-diff would compare wrongly (OpenAPI 3.1). The
 * message names the input and the reason.
 */
public final class UnreadableApiDocumentException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;

  UnreadableApiDocumentException(String source, String reason) {
    super(source + ": " + reason);
    this.source = source;
  }

  /** The file or URL, as the user named it. */
  public String source() {
    return source;
  }
}
