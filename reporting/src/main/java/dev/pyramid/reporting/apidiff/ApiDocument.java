package dev.pyramid.reporting.apidiff;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.List;

/**
 * One OpenAPI 3.0 document as read by {@link ApiDocumentReader}.
 *
 * @param source the file or URL it was read from, as the user named it
 * @param api the parsed document, references resolved
 * @param warnings what the parser reported without refusing the document (say "attribute info.x is
 *     unexpected")
 */
public record ApiDocument(String source, OpenAPI api, List<String> warnings) {

  public ApiDocument {
    warnings = List.copyOf(warnings);
  }
}
