package dev.pyramid.framework.api;

import io.qameta.allure.Allure;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link WithStubServer}: resets the shared server before each test,
 * resolves {@link StubServer} parameters, and attaches the unmatched requests of a failed test.
 */
final class StubServerExtension
    implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {
  static final String ATTACHMENT_NAME = "Stub server: unmatched requests";

  @Override
  public void beforeEach(ExtensionContext context) {
    StubServer.shared(context).reset();
  }

  // Runs while Allure still records the test, so the attachment lands on the failed test.
  @Override
  public void afterTestExecution(ExtensionContext context) {
    StubServer server = StubServer.sharedIfStarted(context);
    if (server != null && context.getExecutionException().isPresent()) {
      Allure.addAttachment(ATTACHMENT_NAME, "text/plain", server.unmatchedReport(), ".txt");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StubServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return StubServer.shared(context);
  }
}
