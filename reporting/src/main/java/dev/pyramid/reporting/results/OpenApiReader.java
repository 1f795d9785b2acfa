package dev.pyramid.reporting.results;

import dev.pyramid.reporting.apidiff.ApiDocument;
import dev.pyramid.reporting.apidiff.ApiDocumentReader;
import dev.pyramid.reporting.apidiff.UnreadableApiDocumentException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the services' OpenAPI 3.0 documents (by default {@code
 * <module>/target/classes/openapi/*.yaml}: the document each service serves, as the build packaged
 * it; sources are never searched for evidence), for {@code api-compatible} to compare with those of
 * the build a stage runs. A document is named after its file ({@code fleet-core.yaml} is
 * fleet-core's). What {@link ApiDocumentReader} refuses (not OpenAPI 3.0, broken YAML, an alias
 * bomb) is unreadable evidence, naming the file and the reason.
 */
final class OpenApiReader implements EvidenceReader<ApiDocument> {

  @Override
  public String key() {
    return "openapi";
  }

  @Override
  public List<String> defaultGlobs(Layer layer) {
    return layer == Layer.CONTRACT
        ? List.of("**/target/classes/openapi/*.yaml", "**/target/classes/openapi/*.json")
        : List.of();
  }

  @Override
  public ApiDocument read(Path file, byte[] bytes, int length) throws UnreadableEvidenceException {
    try {
      return ApiDocumentReader.read(file, Arrays.copyOf(bytes, length));
    } catch (UnreadableApiDocumentException e) {
      String prefix = e.source() + ": ";
      String reason =
          e.getMessage().startsWith(prefix)
              ? e.getMessage().substring(prefix.length())
              : e.getMessage();
      throw new UnreadableEvidenceException(file, reason, e);
    }
  }

  @Override
  public void addTo(LayerEvidence.Builder layer, List<ApiDocument> documents) {
    layer.addApiDocuments(documents);
  }
}
