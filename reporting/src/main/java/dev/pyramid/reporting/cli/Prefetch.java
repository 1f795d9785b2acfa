package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.policy.Policy;
import dev.pyramid.reporting.policy.PolicyException;
import dev.pyramid.reporting.policy.PolicyReader;
import dev.pyramid.reporting.stamp.Stamps;
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
 * picocli has parsed them: the policy and each root's stamp (a large manifest). Picocli's start-up and the
 * policy's YAML take a fifth of a second on one core while the other core idles; this puts it to work.
 *
 * <p>Only a speed-up, never a second source of truth: {@link GateCommand} asks for the policy file and the
 * roots picocli parsed, and takes a prefetched result only when it was read from that very path; anything
 * the scan below misreads is simply read again. Thread-safe.
 */
final class Prefetch {

  private static final Map<Path, Future<Stamps.Loaded>> STAMPS = new ConcurrentHashMap<>();
  private static final Map<Path, Future<Policy>> POLICIES = new ConcurrentHashMap<>();

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
      STAMPS.computeIfAbsent(root, r -> CompletableFuture.supplyAsync(() -> Stamps.load(r), daemon));
    }
    Path file = policy;
    POLICIES.computeIfAbsent(file, f -> CompletableFuture.supplyAsync(() -> {
      try {
        return new PolicyReader().read(f);
      } catch (PolicyException e) {
        throw new java.util.concurrent.CompletionException(e);
      }
    }, daemon));
  }

  /** The stamp of {@code root}: prefetched when it was, else read now on the caller's behalf, beside it. */
  static Future<Stamps.Loaded> stamp(Path root, Executor executor) {
    Future<Stamps.Loaded> prefetched = STAMPS.remove(root);
    return prefetched != null ? prefetched : CompletableFuture.supplyAsync(() -> Stamps.load(root), executor);
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
