package dev.pyramid.reporting.conditions;

import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.LayerEvidence;
import dev.pyramid.reporting.results.PactFile;
import dev.pyramid.reporting.results.PactVerification;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code all-interactions-verified}: every interaction of every pact file the contract layer found
 * was verified OK by a provider verification report, and no verification failed.
 */
final class AllInteractionsVerified extends Holds {

  @Override
  public String key() {
    return "all-interactions-verified";
  }

  @Override
  public Scope scope() {
    return Scope.only(Layer.CONTRACT);
  }

  @Override
  public String summary() {
    return "every interaction of every pact file verified OK by a Pact verification report";
  }

  @Override
  public String example() {
    return "{ all-interactions-verified: true }";
  }

  @Override
  public Category category(Layer layer) {
    return Category.CONTRACT;
  }

  @Override
  public Finding evaluate(Condition condition, Evaluation evaluation) {
    LayerEvidence layer = evaluation.of(condition.layer());
    List<PactVerification> reports = layer.pacts();
    List<Path> files = new ArrayList<>();
    reports.stream().map(PactVerification::source).distinct().forEach(files::add);
    layer.pactFiles().stream().map(PactFile::source).forEach(files::add);
    String expected = "all verified";
    if (Evaluation.availability(layer) == Verdict.UNREADABLE) {
      return new Finding(condition.expected(), "n/a", Verdict.UNREADABLE, files, "");
    }
    int interactions = reports.stream().mapToInt(PactVerification::interactions).sum();
    int failed = reports.stream().mapToInt(PactVerification::failed).sum();
    if (interactions == 0 && layer.pactFiles().isEmpty()) {
      return new Finding(
          expected, "no pact file and no verification report", Verdict.MISSING, files, "");
    }
    List<String> unverified = new ArrayList<>();
    int declared = 0;
    for (PactFile pact : layer.pactFiles()) {
      Set<String> verified = new HashSet<>();
      reports.stream()
          .filter(r -> r.consumer().equals(pact.consumer()) && r.provider().equals(pact.provider()))
          .forEach(r -> verified.addAll(r.verifiedDescriptions()));
      for (String description : pact.interactions()) {
        declared++;
        if (!verified.contains(description)) {
          unverified.add(pact.consumer() + "->" + pact.provider() + ": " + description);
        }
      }
    }
    String actual =
        (interactions - failed)
            + "/"
            + interactions
            + " verified in "
            + reports.size()
            + " report(s)"
            + (layer.pactFiles().isEmpty()
                ? ""
                : "; "
                    + (declared - unverified.size())
                    + "/"
                    + declared
                    + " interactions of "
                    + layer.pactFiles().size()
                    + " pact file(s) verified");
    boolean ok = failed == 0 && unverified.isEmpty() && interactions > 0;
    String note = unverified.isEmpty() ? "" : "not verified: " + String.join("; ", unverified);
    return new Finding(expected, actual, ok ? Verdict.PASS : Verdict.FAIL, files, note);
  }
}
