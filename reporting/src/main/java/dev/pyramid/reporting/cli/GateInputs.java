package dev.pyramid.reporting.cli;

import dev.pyramid.flags.FlagFileException;
import dev.pyramid.reporting.flags.FlagFiles;
import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * What a gate run reads before it decides: the policy, then the evidence where the policy's sources
 * say it lies and the flag files it names, and beside them each root's stamp. {@link #start} begins
 * reading on background threads, so that the command resolves the build and reads the quarantine
 * and the history meanwhile; the getters wait.
 *
 * <p>Started from the paths picocli parsed, once per run; the getters are called from one thread.
 */
final class GateInputs {

  private final CompletableFuture<Policy> policy;
  private final CompletableFuture<CollectedEvidence> evidence;
  private final CompletableFuture<List<StampCheck.Loaded>> stamps;
  private final CompletableFuture<FlagFiles> flags;

  private GateInputs(
      CompletableFuture<Policy> policy,
      CompletableFuture<CollectedEvidence> evidence,
      CompletableFuture<List<StampCheck.Loaded>> stamps,
      CompletableFuture<FlagFiles> flags) {
    this.policy = policy;
    this.evidence = evidence;
    this.stamps = stamps;
    this.flags = flags;
  }

  /**
   * Starts reading the policy in {@code policyFile}, the evidence and the stamps of {@code roots}.
   */
  static GateInputs start(Path policyFile, List<Path> roots) {
    // Daemon threads: a run that stops early (a usage error) exits without waiting for them.
    Executor reader =
        task -> {
          Thread thread = new Thread(task, "pyramid-gate-inputs");
          thread.setDaemon(true);
          thread.start();
        };
    CompletableFuture<Policy> policy =
        CompletableFuture.supplyAsync(() -> read(policyFile), reader);
    // Async: were the policy read already, thenApply would collect on the caller's thread, before
    // it returns.
    CompletableFuture<CollectedEvidence> evidence =
        policy.thenApplyAsync(read -> collect(roots, read), reader);
    // The stamps depend on nothing else, and are small: one thread reads them all, in order.
    CompletableFuture<List<StampCheck.Loaded>> stamps =
        CompletableFuture.supplyAsync(() -> roots.stream().map(StampCheck::load).toList(), reader);
    CompletableFuture<FlagFiles> flags = policy.thenApplyAsync(GateInputs::flagFiles, reader);
    return new GateInputs(policy, evidence, stamps, flags);
  }

  /** The policy; waits for it. */
  Policy policy() throws PolicyException {
    try {
      return policy.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof PolicyException policyError) {
        throw policyError;
      }
      throw rethrown(e);
    }
  }

  /**
   * The evidence the policy's sources name under the roots; waits for it. Call after {@link
   * #policy()}.
   */
  CollectedEvidence evidence() {
    try {
      return evidence.join();
    } catch (CompletionException e) {
      throw rethrown(e);
    }
  }

  /**
   * The flag registry and stage flag files the policy names, read and checked; waits for them. Call
   * after {@link #policy()}.
   */
  FlagFiles flags() throws FlagFileException {
    try {
      return flags.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof CompletionException inner
          && inner.getCause() instanceof FlagFileException flagError) {
        throw flagError;
      }
      if (e.getCause() instanceof FlagFileException flagError) {
        throw flagError;
      }
      throw rethrown(e);
    }
  }

  /** The stamp of the {@code index}th root as given; waits for it. */
  StampCheck.Loaded stamp(int index) {
    return stamps.join().get(index); // StampCheck.load reports a failure in what it returns
  }

  private static Policy read(Path file) {
    try {
      return new PolicyReader().read(file);
    } catch (PolicyException e) {
      throw new CompletionException(e);
    }
  }

  private static FlagFiles flagFiles(Policy policy) {
    try {
      Map<String, Path> stageFiles = new LinkedHashMap<>();
      for (String stage : policy.path()) {
        policy.flags().stageFile(stage).ifPresent(file -> stageFiles.put(stage, file));
      }
      return FlagFiles.load(policy.flags().registry(), stageFiles);
    } catch (FlagFileException e) {
      throw new CompletionException(e);
    }
  }

  private static CollectedEvidence collect(List<Path> roots, Policy policy) {
    return new EvidenceCollector().collect(roots, policy.sources());
  }

  /** The failure of a background read, thrown on the caller's thread as it was thrown there. */
  private static RuntimeException rethrown(CompletionException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return e;
  }
}
