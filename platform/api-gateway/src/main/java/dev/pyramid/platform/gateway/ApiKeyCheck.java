package dev.pyramid.platform.gateway;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a presented {@code X-Api-Key} value is one of the configured keys. Thread-safe.
 */
final class ApiKeyCheck {

  private final List<byte[]> keys;

  ApiKeyCheck(Set<String> keys) {
    this.keys = keys.stream().map(key -> key.getBytes(StandardCharsets.UTF_8)).toList();
  }

  /** Whether {@code presented} (the header value, possibly null) is a configured key. */
  boolean accepts(String presented) {
    if (presented == null || presented.isEmpty()) {
      return false;
    }
    byte[] candidate = presented.getBytes(StandardCharsets.UTF_8);
    boolean accepted = false;
    // Constant-time comparison against every key, so timing does not reveal a near miss.
    for (byte[] key : keys) {
      accepted |= MessageDigest.isEqual(key, candidate);
    }
    return accepted;
  }
}
