package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.EvidenceCollector;
import dev.pyramid.reporting.stamp.StampCheck;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;

/**
 * Reading a gate run needs whatever its options are, started on the command line's own words before
 * picocli has parsed them: the policy, each root's stamp, then the evidence itself (the policy says where
 * it lies). Picocli's start-up takes a tenth of a second on one core while the other idles; this puts it
 * to work.
 *
 * <p>Only a speed-up, never a second source of truth: {@link GateCommand} asks for the policy file and the
 * roots picocli parsed, and takes a prefetched result only when it was read from that very path; anything
 * the scan below misreads is simply read again. Thread-safe.
 */
final class Prefetch {

  private static final Map<Path, Future<StampCheck.Loaded>> STAMPS = new ConcurrentHashMap<>();
  private static final Map<Path, Future<Policy>> POLICIES = new ConcurrentHashMap<>();
  private static final Map<List<Path>, Future<Collected>> EVIDENCE = new ConcurrentHashMap<>();

  private Prefetch() {}

  /** Starts reading what {@code pyramid gate ARGS} will need; does nothing for other commands. */
  static void start(String[] args) {
    if (args.length == 0 || !args[0].equals("gate")) {
      return;
    }
    Path policy = Path.of("quality-gate.yml"); // GateCommand's default
    List<Path> roots = new ArrayList<>();
    try {
      for (int i = 1; i < args.length; i++) {
        String value = i + 1 < args.length ? args[i + 1] : null;
        if (args[i].equals("--policy") && value != null) {
          policy = Path.of(value);
        } else if (args[i].startsWith("--policy=")) {
          policy = Path.of(args[i].substring("--policy=".length()));
        } else if (args[i].equals("--results") && value != null) {
          roots.add(Path.of(value));
        } else if (args[i].startsWith("--results=")) {
          roots.add(Path.of(args[i].substring("--results=".length())));
        }
      }
    } catch (InvalidPathException e) {
      return; // picocli will say what is wrong with the command line
    }
    Executor daemon = task -> {
      Thread thread = new Thread(task, "pyramid-prefetch");
      thread.setDaemon(true);
      thread.start();
    };
    for (Path root : roots) {
      STAMPS.computeIfAbsent(root, r -> CompletableFuture.supplyAsync(() -> StampCheck.load(r), daemon));
    }
    Path file = policy;
    CompletableFuture<Policy> read = CompletableFuture.supplyAsync(() -> {
      try {
        return new PolicyReader().read(file);
      } catch (PolicyException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, daemon);
    POLICIES.put(file, read);
    if (!roots.isEmpty()) {
      List<Path> searched = List.copyOf(roots);
      EVIDENCE.put(searched, read.thenApplyAsync(
          p -> new Collected(file, new EvidenceCollector().collect(searched, p.sources())), daemon));
    }
  }

  /** Evidence collected from {@code roots} by the sources of the policy read from {@code policy}. */
  private record Collected(Path policy, CollectedEvidence evidence) {}

  /**
   * The evidence of {@code roots} by {@code policy}'s sources: prefetched when it was, for these very roots
   * and from this very policy file, else collected now.
   */
  static CollectedEvidence evidence(List<Path> roots, Path policyFile, Policy policy) {
    Future<Collected> prefetched = EVIDENCE.remove(List.copyOf(roots));
    if (prefetched != null) {
      try {
        Collected collected = prefetched.get();
        if (collected.policy().equals(policyFile)) {
          return collected.evidence();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // collected again below, where a failure is reported as the gate reports it
      }
    }
    return new EvidenceCollector().collect(roots, policy.sources());
  }

  /** The stamp of {@code root}: prefetched when it was, else read now on the caller's behalf, beside it. */
  static Future<StampCheck.Loaded> stamp(Path root, Executor executor) {
    Future<StampCheck.Loaded> prefetched = STAMPS.remove(root);
    return prefetched != null ? prefetched : CompletableFuture.supplyAsync(() -> StampCheck.load(root), executor);
  }

  /** The policy read from {@code file}: prefetched when it was, else read now. */
  static Policy policy(Path file) throws PolicyException {
    Future<Policy> prefetched = POLICIES.remove(file);
    if (prefetched == null) {
      return new PolicyReader().read(file);
    }
    try {
      return prefetched.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new PolicyReader().read(file);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof PolicyException policyError) {
        throw policyError;
      }
      return new PolicyReader().read(file); // an unexpected failure: read again here, where it is reported
    }
  }
}
