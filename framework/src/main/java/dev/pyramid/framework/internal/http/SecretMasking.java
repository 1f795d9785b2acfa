package dev.pyramid.framework.internal.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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

  /**
   * Body fields masked by default, compared case-insensitively: JSON properties and form fields
   * with these names never reach a report. {@value #BODY_FIELDS_KEY} adds more.
   */
  public static final Set<String> DEFAULT_BODY_FIELDS =
      Set.of(
          "password",
          "passwd",
          "secret",
          "token",
          "accesstoken",
          "access_token",
          "refreshtoken",
          "refresh_token",
          "apikey",
          "api_key",
          "clientsecret",
          "client_secret",
          "paymenttoken");

  /**
   * System property or JUnit configuration parameter: more body field names to mask,
   * comma-separated.
   */
  public static final String BODY_FIELDS_KEY = "pyramid.masking.body-fields";

  // A JSON property with a string, number or boolean value: "name" : value
  private static final String JSON_VALUE =
      "(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9][0-9.eE+-]*|true|false)";

  private SecretMasking() {}

  /**
   * The body fields to mask: the defaults plus {@value #BODY_FIELDS_KEY} from system properties.
   */
  public static Set<String> bodyFields() {
    Set<String> fields = new LinkedHashSet<>(DEFAULT_BODY_FIELDS);
    String extra = System.getProperty(BODY_FIELDS_KEY, "");
    for (String field : extra.split(",")) {
      if (!field.isBlank()) {
        fields.add(field.trim().toLowerCase(Locale.ROOT));
      }
    }
    return fields;
  }

  /**
   * {@code body} with the values of the named JSON properties (at any depth) and form fields
   * masked. Not a JSON parser: it masks what a parser would read as those properties' scalar
   * values, and leaves anything else, including malformed text, as it was.
   */
  public static String maskBody(String body, Collection<String> fields) {
    if (body == null || body.isEmpty() || fields.isEmpty()) {
      return body;
    }
    Matcher json = jsonFields(fields).matcher(body);
    String masked =
        json.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + "\"" + MASK + "\""));
    Matcher form = formFields(fields).matcher(masked);
    return form.replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MASK));
  }

  /** The values {@link #maskBody} would mask, unquoted; what a secret scan looks for afterwards. */
  public static List<String> bodySecrets(String body, Collection<String> fields) {
    List<String> values = new ArrayList<>();
    if (body == null || body.isEmpty() || fields.isEmpty()) {
      return values;
    }
    Matcher json = jsonFields(fields).matcher(body);
    while (json.find()) {
      String value = json.group(2);
      values.add(value.startsWith("\"") ? value.substring(1, value.length() - 1) : value);
    }
    Matcher form = formFields(fields).matcher(body);
    while (form.find()) {
      values.add(form.group(2));
    }
    return values;
  }

  /**
   * The secret values in {@code headers}: whole values, and the credential after a scheme such as
   * {@code Bearer}.
   */
  public static List<String> headerSecrets(Map<String, String> headers) {
    List<String> values = new ArrayList<>();
    headers.forEach(
        (name, value) -> {
          if (isSecretHeader(name) && value != null) {
            values.add(value);
            int space = value.indexOf(' ');
            if (space > 0) {
              values.add(value.substring(space + 1).trim());
            }
          }
        });
    return values;
  }

  private static Pattern jsonFields(Collection<String> fields) {
    return Pattern.compile(
        "(\"(?:" + alternatives(fields) + ")\"\\s*:\\s*)" + JSON_VALUE, Pattern.CASE_INSENSITIVE);
  }

  private static Pattern formFields(Collection<String> fields) {
    return Pattern.compile(
        "((?:^|&)(?:" + alternatives(fields) + ")=)([^&\\s]*)", Pattern.CASE_INSENSITIVE);
  }

  private static String alternatives(Collection<String> fields) {
    return String.join("|", fields.stream().map(Pattern::quote).toList());
  }

  public static boolean isSecretHeader(String name) {
    return name != null && SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
  }

  /** A copy of {@code headers}, in the same order, with secret headers' values masked. */
  public static Map<String, String> maskHeaders(Map<String, String> headers) {
    Map<String, String> masked = new LinkedHashMap<>();
    headers.forEach((name, value) -> masked.put(name, isSecretHeader(name) ? MASK : value));
    return masked;
  }

  /**
   * A copy of {@code cookies} with every value masked: a cookie is a credential until proven
   * otherwise.
   */
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

  /** The values {@link #maskUrl} would mask: those of credential-like query parameters. */
  public static List<String> querySecrets(String url) {
    List<String> values = new ArrayList<>();
    if (url != null) {
      Matcher matcher = SECRET_QUERY.matcher(url);
      while (matcher.find()) {
        values.add(matcher.group(2));
      }
    }
    return values;
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
