package dev.pyramid.framework.api;

import io.qameta.allure.Allure;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link WithStubServer}: gives each test its view of the shared server, loads
 * the test's stub files into it, resolves {@link StubServer} parameters, and attaches the unmatched
 * requests of a failed test. The view's stubs are removed by JUnit closing the view when the test
 * ends.
 */
final class StubServerExtension
    implements BeforeEachCallback, AfterTestExecutionCallback, ParameterResolver {
  static final String ATTACHMENT_NAME = "Stub server: unmatched requests";

  @Override
  public void beforeEach(ExtensionContext context) {
    StubServer view = StubServer.forTest(context);
    for (String folder : files(context)) {
      try {
        view.loadMappings(folder);
      } catch (IllegalArgumentException e) {
        throw new ExtensionConfigurationException("@WithStubServer(files): " + e.getMessage(), e);
      }
    }
  }

  // Runs while Allure still records the test, so the attachment lands on the failed test.
  @Override
  public void afterTestExecution(ExtensionContext context) {
    StubServer view = StubServer.forTestIfStarted(context);
    if (view != null && context.getExecutionException().isPresent()) {
      Allure.addAttachment(ATTACHMENT_NAME, "text/plain", view.unmatchedReport(), ".txt");
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == StubServer.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return StubServer.forTest(context);
  }

  /** The class's files (outermost first), then the method's; each folder once. */
  private static List<String> files(ExtensionContext context) {
    List<String> folders = new ArrayList<>();
    context.getTestClass().ifPresent(type -> addFiles(type, folders));
    context.getTestMethod().ifPresent(method -> addFiles(method, folders));
    return folders;
  }

  private static void addFiles(AnnotatedElement element, List<String> folders) {
    AnnotationSupport.findAnnotation(element, WithStubServer.class)
        .ifPresent(
            annotation -> {
              for (String folder : annotation.files()) {
                if (!folders.contains(folder)) {
                  folders.add(folder);
                }
              }
            });
  }
}
