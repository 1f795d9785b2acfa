package dev.pyramid.framework.internal.http;

import io.qameta.allure.Allure;
import io.qameta.allure.attachment.AttachmentContent;
import io.qameta.allure.attachment.FreemarkerAttachmentRenderer;
import io.qameta.allure.attachment.http.HttpRequestAttachment;
import io.qameta.allure.attachment.http.HttpResponseAttachment;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.internal.NameAndValue;
import io.restassured.internal.support.Prettifier;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Attaches each REST Assured request and response to the current Allure test, like {@code
 * AllureRestAssured}, with secrets masked.
 *
 * <p>Why not {@code AllureRestAssured} itself: in 2.35.3 it masks the headers blacklisted in REST
 * Assured's {@code LogConfig}, but attaches cookies set with {@code .cookie(...)} and credential
 * query parameters in clear, and has no notion of secret body fields. This filter masks secret
 * headers (see {@link SecretMasking#SECRET_HEADERS}), every cookie value, credential-like query
 * parameters and the configured body fields (see {@link SecretMasking#bodyFields()}) in requests
 * and responses, records what it masked in the {@link SecretLedger} when one is configured, and
 * renders with Allure's own HTTP templates, so the report looks the same.
 *
 * <p>Internal: not part of Pyramid's public API; use {@code ApiSpecs}. Stateless and thread-safe.
 */
public final class MaskedAllureFilter implements OrderedFilter {
  private final BiConsumer<String, AttachmentContent> attachments;
  private final Set<String> bodyFields;

  /**
   * Attaches to the Allure test running on this thread, masking the default and configured body
   * fields.
   */
  public MaskedAllureFilter() {
    this(SecretMasking.bodyFields());
  }

  /**
   * Attaches to the Allure test running on this thread, masking {@code bodyFields}; outside a test
   * (a performance seed, say) attaches nothing.
   */
  public MaskedAllureFilter(Collection<String> bodyFields) {
    this(
        (name, content) -> {
          if (Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent()) {
            Allure.addAttachment(
                name, content.getContentType(), content.getContent(), content.getFileExtension());
          }
        },
        bodyFields);
  }

  /** Hands each rendered attachment to {@code attachments}; for tests of the masking. */
  public MaskedAllureFilter(BiConsumer<String, AttachmentContent> attachments) {
    this(attachments, SecretMasking.bodyFields());
  }

  /** Hands each rendered attachment to {@code attachments}, masking {@code bodyFields}. */
  public MaskedAllureFilter(
      BiConsumer<String, AttachmentContent> attachments, Collection<String> bodyFields) {
    this.attachments = Objects.requireNonNull(attachments, "attachments");
    this.bodyFields = Set.copyOf(Objects.requireNonNull(bodyFields, "bodyFields"));
  }

  @Override
  public Response filter(
      FilterableRequestSpecification request,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Prettifier prettifier = new Prettifier();
    String url = SecretMasking.maskUrl(request.getURI());
    Map<String, String> requestHeaders = toMap(request.getHeaders());
    Map<String, String> requestCookies = toMap(request.getCookies());
    record(SecretMasking.headerSecrets(requestHeaders));
    record(requestCookies.values());
    HttpRequestAttachment.Builder requestAttachment =
        HttpRequestAttachment.Builder.create("Request", url)
            .setMethod(request.getMethod())
            .setHeaders(SecretMasking.maskHeaders(requestHeaders))
            .setCookies(SecretMasking.maskAll(requestCookies));
    if (request.getBody() != null) {
      String body = prettifier.getPrettifiedBodyIfPossible(request);
      record(SecretMasking.bodySecrets(body, bodyFields));
      requestAttachment.setBody(SecretMasking.maskBody(body, bodyFields));
    }
    attachments.accept(
        "Request " + request.getMethod() + " " + url,
        new FreemarkerAttachmentRenderer("http-request.ftl").render(requestAttachment.build()));

    Response response = context.next(request, responseSpec);

    Map<String, String> responseHeaders = toMap(response.getHeaders());
    Map<String, String> responseCookies = toMap(response.getDetailedCookies());
    String responseBody = prettifier.getPrettifiedBodyIfPossible(response, response.getBody());
    record(SecretMasking.headerSecrets(responseHeaders));
    record(responseCookies.values());
    record(SecretMasking.bodySecrets(responseBody, bodyFields));
    HttpResponseAttachment responseAttachment =
        HttpResponseAttachment.Builder.create("Response " + response.getStatusLine())
            .setUrl(url)
            .setResponseCode(response.getStatusCode())
            .setHeaders(SecretMasking.maskHeaders(responseHeaders))
            .setCookies(SecretMasking.maskAll(responseCookies))
            .setBody(SecretMasking.maskBody(responseBody, bodyFields))
            .build();
    attachments.accept(
        "Response " + response.getStatusCode(),
        new FreemarkerAttachmentRenderer("http-response.ftl").render(responseAttachment));
    return response;
  }

  // Last, like AllureRestAssured, so that headers added by other filters are attached (masked).
  @Override
  public int getOrder() {
    return Integer.MAX_VALUE;
  }

  private static void record(Collection<String> secrets) {
    secrets.forEach(SecretLedger::record);
  }

  private static Map<String, String> toMap(Iterable<? extends NameAndValue> items) {
    Map<String, String> map = new LinkedHashMap<>();
    // A repeated header keeps every value, joined, rather than the last one alone.
    items.forEach(item -> map.merge(item.getName(), item.getValue(), (a, b) -> a + ", " + b));
    return map;
  }
}
