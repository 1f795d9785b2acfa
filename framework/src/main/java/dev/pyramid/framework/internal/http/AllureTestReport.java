package dev.pyramid.framework.internal.http;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;

/**
 * Reports to the Allure test running on this thread; outside a test, reports nothing (the failure
 * itself still says everything).
 *
 * <p>Internal: not part of Pyramid's public API.
 */
public final class AllureTestReport implements SpecValidationFilter.TestReport {

  @Override
  public void attach(String name, String mediaType, String content, String extension) {
    if (Allure.getLifecycle().getCurrentTestCaseOrStep().isPresent()) {
      Allure.addAttachment(name, mediaType, content, extension);
    }
  }

  @Override
  public void label(String name, String value) {
    if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
      return;
    }
    Allure.getLifecycle()
        .updateTestCase(
            result -> {
              if (result.getLabels().stream().noneMatch(label -> name.equals(label.getName()))) {
                result.getLabels().add(new Label().setName(name).setValue(value));
              }
            });
  }
}
