package dev.pyramid.framework.api;

import dev.pyramid.framework.internal.flags.EvaluationRecorder;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The extension every layer annotation carries that makes what a test evaluated evidence: each
 * feature flag evaluation made through OpenFeature while the test runs (its setup, its body and the
 * platform it calls in-process) is recorded with the test, its layer and its outcome, for the
 * gate's flag conditions (see {@link EvaluationRecorder}). Registered after {@link LayerExtension},
 * which names the layer.
 */
final class FlagEvaluationsExtension implements BeforeEachCallback, TestWatcher {

  @Override
  public void beforeEach(ExtensionContext context) {
    Optional<String> layer = Layers.of(context);
    if (layer.isEmpty()) {
      return;
    }
    String test =
        context.getRequiredTestClass().getName() + "#" + context.getRequiredTestMethod().getName();
    EvaluationRecorder.installed()
        .start(context.getUniqueId(), test, context.getDisplayName(), layer.get());
  }

  @Override
  public void testSuccessful(ExtensionContext context) {
    EvaluationRecorder.installed().finish(context.getUniqueId(), "passed");
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    EvaluationRecorder.installed().finish(context.getUniqueId(), "failed");
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    EvaluationRecorder.installed().finish(context.getUniqueId(), "skipped");
  }
}
