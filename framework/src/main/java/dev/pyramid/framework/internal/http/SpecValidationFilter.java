package dev.pyramid.framework.internal.http;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.report.JsonValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;
import dev.pyramid.framework.internal.endpoints.ExchangeLog;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Validates each REST Assured exchange against an OpenAPI document with swagger-request-validator
 * (its REST Assured adapters {@link RestAssuredRequest} and {@link RestAssuredResponse}), and fails
 * the test with {@link SpecMismatchError} on a mismatch, after attaching the validator's report,
 * secrets masked.
 *
 * <p>Why not the library's own {@code OpenApiValidationFilter}: it validates request and response
 * as one report and hands it over only when it throws. Pyramid needs the two apart (a negative test
 * sends a request the document forbids on purpose, and its response must still conform), and the
 * report masked before it reaches Allure or the failure message.
 *
 * <p>Internal: not part of Pyramid's public API; use {@code ApiSpecs.openApi(...)}. Thread-safe.
 */
public final class SpecValidationFilter implements OrderedFilter {

  /** What the filter does with an exchange. */
  public enum Mode {
    /** Request and response must conform. */
    VALIDATE,
    /** The request must break the document (a negative test); the response must conform. */
    EXPECT_INVALID_REQUEST,
    /** Nothing is validated; the test is labelled so that it shows in the report. */
    OFF
  }

  /** The Allure label that marks a test whose exchanges were not validated. */
  public static final String OFF_LABEL = "openapi-validation";

  private final Supplier<OpenApiInteractionValidator> validator;
  private final String document;
  private final Mode mode;
  private final String reason;
  private final Set<String> bodyFields;
  private final TestReport report;
  private final ExchangeLog exchanges;

  /** Where the filter reports: attachments and labels of the running test. */
  public interface TestReport {
    void attach(String name, String mediaType, String content, String extension);

    /** Adds the label unless the test already has one of that name. */
    void label(String name, String value);
  }

  /**
   * @param validator the document's validator, asked on the first exchange (parsing is slow)
   * @param document where the document comes from, for messages
   * @param reason why validation is off or the request invalid; null with {@link Mode#VALIDATE}
   * @param exchanges where each validated exchange is recorded for endpoint coverage, whether it
   *     conforms or not; exchanges are not recorded with {@link Mode#OFF} (nothing held them to the
   *     document)
   */
  public SpecValidationFilter(
      Supplier<OpenApiInteractionValidator> validator,
      String document,
      Mode mode,
      String reason,
      Collection<String> bodyFields,
      TestReport report,
      ExchangeLog exchanges) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.document = Objects.requireNonNull(document, "document");
    this.mode = Objects.requireNonNull(mode, "mode");
    this.reason = reason;
    this.bodyFields = Set.copyOf(bodyFields);
    this.report = Objects.requireNonNull(report, "report");
    this.exchanges = Objects.requireNonNull(exchanges, "exchanges");
  }

  @Override
  public Response filter(
      FilterableRequestSpecification requestSpec,
      FilterableResponseSpecification responseSpec,
      FilterContext context) {
    Response response = context.next(requestSpec, responseSpec);
    if (mode == Mode.OFF) {
      report.label(OFF_LABEL, "off");
      report.attach(
          "OpenAPI validation off",
          "text/plain",
          "Not validated against " + document + ": " + reason,
          ".txt");
      return response;
    }
    OpenApiInteractionValidator documentValidator = validator.get();
    Request request = RestAssuredRequest.of(requestSpec);
    ValidationReport requestReport = documentValidator.validateRequest(request);
    ValidationReport responseReport =
        documentValidator.validateResponse(
            request.getPath(), request.getMethod(), RestAssuredResponse.of(response));
    // Before a mismatch fails the test: a request that breaks the document was still sent.
    exchanges.exchanged(request.getMethod(), request.getPath(), response.getStatusCode());

    List<String> problems = new ArrayList<>();
    ValidationReport failing = responseReport;
    if (mode == Mode.VALIDATE) {
      failing = requestReport.merge(responseReport);
    } else if (!requestReport.hasErrors()) {
      problems.add(
          "The request was expected to break the document ("
              + reason
              + ") but conforms to it: does the document still forbid what the service refuses?");
    }
    problems.addAll(errors(failing));
    if (problems.isEmpty()) {
      return response;
    }

    Collection<String> secrets = secretsOf(requestSpec, response);
    String exchange =
        requestSpec.getMethod()
            + " "
            + SecretMasking.maskUrl(requestSpec.getURI())
            + " answered "
            + response.getStatusCode();
    report.attach(
        "OpenAPI validation report",
        "application/json",
        SecretMasking.maskValues(
            JsonValidationReportFormat.getInstance().apply(requestReport.merge(responseReport)),
            secrets),
        ".json");
    String message =
        exchange
            + ", which breaks the OpenAPI document "
            + document
            + ":\n"
            + problems.stream().map(problem -> "  - " + problem).collect(Collectors.joining("\n"))
            + "\nThe validator's report is attached to the test. Fix the code or the document,"
            + " whichever drifted; a test that must not be validated says so with"
            + " ApiSpecs...withoutSpecValidation(reason).";
    throw new SpecMismatchError(SecretMasking.maskValues(message, secrets));
  }

  // Before Pyramid's Allure filter (last), so that the exchange is attached before a mismatch
  // fails the test.
  @Override
  public int getOrder() {
    return DEFAULT_PRECEDENCE;
  }

  private static List<String> errors(ValidationReport report) {
    List<String> errors = new ArrayList<>();
    for (ValidationReport.Message message : report.getMessages()) {
      if (message.getLevel() != ValidationReport.Level.ERROR) {
        continue;
      }
      String where =
          message.getContext().flatMap(ValidationReport.MessageContext::getLocation).stream()
              .map(location -> location.name().toLowerCase(Locale.ROOT) + ": ")
              .findFirst()
              .orElse("");
      StringBuilder line = new StringBuilder(where).append(message.getMessage());
      message.getAdditionalInfo().forEach(info -> line.append(" (").append(info).append(')'));
      errors.add(line.append(" [").append(message.getKey()).append(']').toString());
    }
    return errors;
  }

  /** Every value the masking hides in this exchange, so that the report cannot leak one. */
  private Collection<String> secretsOf(FilterableRequestSpecification request, Response response) {
    List<String> secrets = new ArrayList<>();
    request
        .getHeaders()
        .forEach(
            header -> {
              if (SecretMasking.isSecretHeader(header.getName())) {
                secrets.addAll(
                    SecretMasking.headerSecrets(Map.of(header.getName(), header.getValue())));
              }
            });
    request.getCookies().forEach(cookie -> secrets.add(cookie.getValue()));
    response.getDetailedCookies().forEach(cookie -> secrets.add(cookie.getValue()));
    response
        .getHeaders()
        .forEach(
            header -> {
              if (SecretMasking.isSecretHeader(header.getName())) {
                secrets.add(header.getValue());
              }
            });
    secrets.addAll(SecretMasking.querySecrets(request.getURI()));
    Object body = request.getBody();
    if (body != null) {
      String text =
          body instanceof byte[] bytes
              ? new String(bytes, StandardCharsets.UTF_8)
              : body.toString();
      secrets.addAll(SecretMasking.bodySecrets(text, bodyFields));
    }
    secrets.addAll(SecretMasking.bodySecrets(response.asString(), bodyFields));
    return secrets;
  }
}
