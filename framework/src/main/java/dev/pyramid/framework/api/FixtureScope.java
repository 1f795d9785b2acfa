package dev.pyramid.framework.api;

import java.util.Locale;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;

/**
 * Where shared fixtures live: once per JVM (the default) or once per top-level test class.
 *
 * <p>The scope is the configuration parameter {@value #KEY}: {@code jvm} keeps one database, stub
 * server and platform for the whole run in the root context's store; {@code class} starts them for
 * each top-level test class and stops them after it. {@code class} exists to measure what sharing
 * saves (see {@code scripts/fixture-benchmark.sh}), not for everyday runs.
 *
 * <p>For extension authors: store a fixture in {@link #store(ExtensionContext, Namespace)} and
 * JUnit closes it when that scope ends. Lookups through a test's own context find it, because JUnit
 * searches a store's parents. Thread-safe.
 */
public final class FixtureScope {
  /** Configuration key: {@code jvm} (default) or {@code class}. */
  public static final String KEY = "pyramid.fixtures.scope";

  private FixtureScope() {}

  /** Whether fixtures are started once per top-level test class rather than once per JVM. */
  public static boolean perClass(ExtensionContext context) {
    String value =
        context
            .getConfigurationParameter(KEY)
            .map(v -> v.trim().toLowerCase(Locale.ROOT))
            .orElse("jvm");
    return switch (value) {
      case "jvm", "" -> false;
      case "class" -> true;
      default ->
          throw new ExtensionConfigurationException(
              KEY
                  + " must be 'jvm' or 'class', was '"
                  + value
                  + "'. Fix: -D"
                  + KEY
                  + "=jvm (the default).");
    };
  }

  /** The store of the configured scope: the root context's, or the top-level class context's. */
  public static ExtensionContext.Store store(ExtensionContext context, Namespace namespace) {
    return scopeContext(context).getStore(namespace);
  }

  private static ExtensionContext scopeContext(ExtensionContext context) {
    ExtensionContext root = context.getRoot();
    if (!perClass(context) || context == root) {
      return root;
    }
    ExtensionContext current = context;
    while (current.getParent().isPresent() && current.getParent().get() != root) {
      current = current.getParent().get();
    }
    return current;
  }
}
