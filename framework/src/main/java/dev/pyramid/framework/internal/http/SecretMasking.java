package dev.pyramid.framework.internal.http;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides which HTTP values are secrets and replaces them with {@value #MASK} before anything is
 * written to a report.
 *
 * <p>Internal: not part of Pyramid's public API.
 */
public final class SecretMasking {
  /** What a masked value reads as. */
  public static final String MASK = "[masked]";

  /** Headers whose values never reach a report, compared case-insensitively. */
  public static final Set<String> SECRET_HEADERS =
      Set.of("authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie");

  // Query parameters that commonly carry credentials when an API takes them in the URL.
  private static final Pattern SECRET_QUERY =
      Pattern.compile(
          "([?&](?:api[_-]?key|access[_-]?token|token|password|secret|client[_-]?secret)=)([^&#]*)",
          Pattern.CASE_INSENSITIVE);

  private SecretMasking() {}

  public static boolean isSecretHeader(String name) {
    return name != null && SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A copy of {@code headers}, in the same order, with secret headers' values masked. */
  public static Map<String, String> maskHeaders(Map<String, String> headers) {
    Map<String, String> masked = new LinkedHashMap<>();
    headers.forEach((name, value) -> masked.put(name, isSecretHeader(name) ? MASK : value));
    return masked;
  }

  /** A copy of {@code cookies} with every value masked: a cookie is a credential until proven otherwise. */
  public static Map<String, String> maskAll(Map<String, String> cookies) {
    Map<String, String> masked = new LinkedHashMap<>();
    cookies.keySet().forEach(name -> masked.put(name, MASK));
    return masked;
  }

  /** {@code url} with the values of credential-like query parameters masked. */
  public static String maskUrl(String url) {
    if (url == null) {
      return null;
    }
    Matcher matcher = SECRET_QUERY.matcher(url);
    return matcher.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }

  /** {@code text} with every occurrence of each known secret value masked. */
  public static String maskValues(String text, Collection<String> secrets) {
    String masked = text;
    for (String secret : secrets) {
      // Very short values would mask unrelated text and hide nothing worth hiding.
      if (secret != null && secret.length() >= 4) {
        masked = masked.replace(secret, MASK);
      }
    }
    return masked;
  }
}
