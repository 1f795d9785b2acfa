package dev.pyramid.framework.api.pact;

import au.com.dius.pact.core.model.FileSource;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.provider.junit5.PactVerificationContext;
import au.com.dius.pact.provider.junitsupport.Provider;
import dev.pyramid.framework.api.stage.KeptFile;
import dev.pyramid.framework.api.stage.StageBuild;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link StagePacts} and {@link StageProvider}: finds what the stage runs,
 * skips the class (recording why) when there is nothing to verify against, gives the stage's
 * artifact to the class, records each interaction's outcome, and writes the evidence file when the
 * class ends.
 */
final class StageContractsExtension
    implements ExecutionCondition, ParameterResolver, AfterTestExecutionCallback, AfterAllCallback {
  private static final Namespace NAMESPACE = Namespace.create(StageContractsExtension.class);

  /** Where Pact JVM's JUnit 5 extension keeps the verification context of an interaction. */
  private static final Namespace PACT = Namespace.create("pact-jvm");

  private static final Pattern PACT_MISMATCH = Pattern.compile("\\d+\\.\\d+\\) ");
  private static final int SUMMARY_LENGTH = 500;

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (context.getTestMethod().isPresent()) {
      return ConditionEvaluationResult.enabled("decided for the class");
    }
    Run run = run(context);
    if (run.skipped() != null) {
      run.evidence().write(List.of());
      return ConditionEvaluationResult.disabled(run.skipped());
    }
    return ConditionEvaluationResult.enabled(
        "verifying against " + run.evidence().lookup().build().orElseThrow());
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == KeptFile.class
        && context.getRequiredTestClass().isAnnotationPresent(StageProvider.class);
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return run(context).artifact().orElseThrow();
  }

  @Override
  public void afterTestExecution(ExtensionContext context) {
    PactVerificationContext verification =
        context.getStore(PACT).get("interactionContext", PactVerificationContext.class);
    if (verification == null) {
      return; // not a Pact interaction (a test of another kind in the class)
    }
    Pact pact = verification.getPact();
    Path file = pact.getSource() instanceof FileSource source ? source.getFile().toPath() : null;
    String message =
        context
            .getExecutionException()
            .map(e -> summary(String.valueOf(e.getMessage())))
            .orElse(null);
    run(context)
        .outcomes()
        .add(
            new StageContractsEvidence.Outcome(
                file,
                pact.getConsumer().getName(),
                verification.getInteraction().getDescription(),
                message));
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Run run = run(context);
    if (run.skipped() == null) {
      run.evidence().write(run.outcomes());
    }
  }

  /**
   * What a failure says in one line: Pact's numbered mismatches ("1.1) body: $ Actual map is
   * missing the following keys: requestedAt"), else the first line, with the next one when it ends
   * in a colon (a spec validation's first message).
   */
  static String summary(String message) {
    List<String> lines =
        message.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    if (lines.isEmpty()) {
      return "(no message)";
    }
    List<String> mismatches =
        lines.stream()
            .filter(line -> PACT_MISMATCH.matcher(line).lookingAt())
            .map(line -> PACT_MISMATCH.matcher(line).replaceFirst(""))
            .toList();
    String summary =
        !mismatches.isEmpty()
            ? String.join("; ", mismatches)
            : lines.get(0).endsWith(":") && lines.size() > 1
                ? lines.get(0) + " " + lines.get(1)
                : lines.get(0);
    return summary.length() <= SUMMARY_LENGTH
        ? summary
        : summary.substring(0, SUMMARY_LENGTH - 1) + "…";
  }

  /** What this class verifies against, looked up once per class. */
  private static Run run(ExtensionContext context) {
    Class<?> testClass = context.getRequiredTestClass();
    ExtensionContext classContext = context;
    while (classContext.getTestMethod().isPresent() && classContext.getParent().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Run.class, key -> Run.of(testClass), Run.class);
  }

  /**
   * One class's verification.
   *
   * @param skipped why nothing is verified, or null
   */
  private record Run(
      StageContractsEvidence evidence,
      Optional<KeptFile> artifact,
      String skipped,
      List<StageContractsEvidence.Outcome> outcomes) {

    static Run of(Class<?> testClass) {
      boolean stagePacts = testClass.isAnnotationPresent(StagePacts.class);
      StageProvider stageProvider = testClass.getAnnotation(StageProvider.class);
      if (stagePacts == (stageProvider != null)) {
        throw new ExtensionConfigurationException(
            testClass.getName()
                + " has "
                + (stagePacts ? "both @StagePacts and @StageProvider" : "neither")
                + ": verify the stage's pacts against the candidate (@StagePacts) or the"
                + " candidate's pacts against the stage's provider (@StageProvider), one per class.");
      }
      Provider provider = testClass.getAnnotation(Provider.class);
      if (provider == null || provider.value().isBlank()) {
        throw new ExtensionConfigurationException(
            testClass.getName() + " names no provider: add @Provider(\"<provider name>\").");
      }
      StageBuild.Lookup lookup = StageBuild.fromConfiguration(System::getProperty);
      List<StageContractsEvidence.Outcome> outcomes =
          Collections.synchronizedList(new ArrayList<>());
      if (lookup.build().isEmpty()) {
        StageContractsEvidence evidence =
            StageContractsEvidence.of(
                    testClass, lookup, provider.value(), stagePacts, null, List.of())
                .withNote(lookup.reason());
        return new Run(evidence, Optional.empty(), lookup.reason(), outcomes);
      }
      StageBuild build = lookup.build().get();
      if (stagePacts) {
        List<StagePactsLoader.StagePactFile> pacts =
            StagePactsLoader.StagePactFile.of(lookup, provider.value());
        StageContractsEvidence evidence =
            StageContractsEvidence.of(testClass, lookup, provider.value(), true, null, pacts);
        if (pacts.isEmpty()) {
          String why = build + " kept no pact whose provider is " + provider.value();
          return new Run(evidence.withNote(why), Optional.empty(), why, outcomes);
        }
        return new Run(evidence, Optional.empty(), null, outcomes);
      }
      Optional<KeptFile> artifact = build.file("artifacts", stageProvider.artifact());
      artifact.ifPresent(KeptFile::verified);
      StageContractsEvidence evidence =
          StageContractsEvidence.of(
              testClass, lookup, provider.value(), false, artifact.orElse(null), List.of());
      if (artifact.isEmpty()) {
        String why =
            build
                + " kept no artifact matching '"
                + stageProvider.artifact()
                + "' (kept: "
                + build.files("artifacts").stream().map(KeptFile::path).toList()
                + ")";
        return new Run(evidence.withNote(why), artifact, why, outcomes);
      }
      return new Run(evidence, artifact, null, outcomes);
    }
  }
}
