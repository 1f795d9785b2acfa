package dev.pyramid.framework.api;

import java.lang.reflect.AnnotatedElement;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** The condition behind {@link InProcessOnly}. Stateless; parallel-safe. */
final class InProcessOnlyCondition implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Optional<InProcessOnly> annotation = context.getElement().flatMap(element -> find(element));
    if (annotation.isEmpty() || !Deployment.isDeployed(context)) {
      return ConditionEvaluationResult.enabled("runs in-process");
    }
    return ConditionEvaluationResult.disabled(
        "Skipped against the deployed environment ("
            + Deployment.GATEWAY_URL_KEY
            + " is set): "
            + annotation.get().value());
  }

  private static Optional<InProcessOnly> find(AnnotatedElement element) {
    return AnnotationSupport.findAnnotation(element, InProcessOnly.class);
  }
}
