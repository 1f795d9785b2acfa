package dev.pyramid.framework.internal.stubs;

import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.github.tomakehurst.wiremock.verification.NearMiss;
import com.github.tomakehurst.wiremock.verification.diff.PlainTextDiffRenderer;
import dev.pyramid.framework.internal.http.SecretMasking;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders the requests a stub server did not match, and the stubs that nearly matched them, as text
 * for a failed test's report, with secret header values masked.
 *
 * <p>Internal: not part of Pyramid's public API.
 */
public final class UnmatchedReport {
  private UnmatchedReport() {}

  /** The report; says so plainly when every request matched. */
  public static String render(List<LoggedRequest> unmatched, List<NearMiss> nearMisses) {
    if (unmatched.isEmpty()) {
      return "Every request to the stub server matched a stub.\n";
    }
    StringBuilder text = new StringBuilder();
    Set<String> secrets = new LinkedHashSet<>();
    text.append(unmatched.size()).append(" request(s) matched no stub:\n\n");
    for (LoggedRequest request : unmatched) {
      text.append(request.getMethod())
          .append(' ')
          .append(SecretMasking.maskUrl(request.getUrl()))
          .append('\n');
      for (HttpHeader header : request.getHeaders().all()) {
        boolean secret = SecretMasking.isSecretHeader(header.key());
        if (secret) {
          secrets.addAll(header.values());
        }
        text.append("  ")
            .append(header.key())
            .append(": ")
            .append(secret ? SecretMasking.MASK : String.join(", ", header.values()))
            .append('\n');
      }
      String body = request.getBodyAsString();
      if (body != null && !body.isEmpty()) {
        text.append("  body: ").append(body).append('\n');
      }
      text.append('\n');
    }
    if (nearMisses.isEmpty()) {
      text.append("No stub came close to any of them.\n");
      return text.toString();
    }
    text.append("Closest stubs (near misses):\n\n");
    PlainTextDiffRenderer renderer = new PlainTextDiffRenderer(Map.of());
    for (NearMiss nearMiss : nearMisses) {
      text.append(renderer.render(nearMiss.getDiff())).append('\n');
    }
    return SecretMasking.maskValues(text.toString(), secrets);
  }
}
