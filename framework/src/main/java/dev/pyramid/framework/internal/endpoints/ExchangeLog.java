package dev.pyramid.framework.internal.endpoints;

import com.atlassian.oai.validator.model.Request;

/**
 * Where the spec validation reports each exchange it saw, for endpoint coverage. Internal.
 * Implementations are thread-safe: the e2e layer's tests send requests in parallel.
 */
@FunctionalInterface
public interface ExchangeLog {

  /** Records nothing: for exchanges that were not validated. */
  ExchangeLog NONE = (method, path, status) -> {};

  /**
   * One exchange was validated.
   *
   * @param path the request's path as the validator saw it, without query
   * @param status the response's status code
   */
  void exchanged(Request.Method method, String path, int status);
}
