package dev.pyramid.framework.internal.endpoints;

import com.atlassian.oai.validator.interaction.ApiOperationResolver;
import com.atlassian.oai.validator.model.ApiOperationMatch;
import com.atlassian.oai.validator.model.Request;
import io.swagger.v3.oas.models.OpenAPI;
import java.util.Objects;

/**
 * Which operation of an OpenAPI document a request exercised, resolved as swagger-request-validator
 * resolves it when it validates the exchange: its own {@link ApiOperationResolver} over the same
 * parsed document (servers' base path applied, the most specific template winning, no strict
 * trailing-slash matching: the validator's defaults). Never guessed from the URL, so that a request
 * counts for the operation it was validated against.
 *
 * <p>Internal. Thread-safe: the resolver only reads the document.
 */
public final class OperationMatcher {

  private final ApiOperationResolver resolver;

  /** A matcher over {@code api}, the document as the validator was built from it. */
  public OperationMatcher(OpenAPI api) {
    // null, false: OpenApiInteractionValidator's defaults (no base path override, lenient paths).
    this.resolver = new ApiOperationResolver(Objects.requireNonNull(api, "api"), null, false);
  }

  /**
   * The operation {@code method path} exercised, such as {@code GET /v2/rides/{id}} (the document's
   * path template), or why none.
   *
   * @param path the request's path as the validator sees it, without query
   */
  public Match match(Request.Method method, String path) {
    ApiOperationMatch match = resolver.findApiOperation(path, method);
    if (!match.isPathFound()) {
      return new Match(null, Match.NO_PATH);
    }
    if (!match.isOperationAllowed()) {
      return new Match(null, Match.NO_METHOD);
    }
    return new Match(
        match.getApiOperation().getMethod().name()
            + " "
            + match.getApiOperation().getApiPath().original(),
        null);
  }

  /**
   * The outcome of matching one request.
   *
   * @param operation {@code METHOD /path/template}; null when no operation matched
   * @param unmatched {@link #NO_PATH} or {@link #NO_METHOD} when no operation matched; else null
   */
  public record Match(String operation, String unmatched) {
    /** No path of the document matches the request's path. */
    public static final String NO_PATH = "no-path";

    /** A path matches, but the document gives it no operation for the request's method. */
    public static final String NO_METHOD = "no-method";

    public boolean matched() {
      return operation != null;
    }
  }
}
