package dev.pyramid.reporting.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Times the Allure result reader of two or more {@code pyramid.jar}s over the same files, in one
 * JVM: every file is read into memory once, then each round runs each jar's {@code
 * AllureResultReader.read(Path, byte[], int)} over all of them on this thread, the order of the
 * jars turning from round to round so that neither always runs first. A first pass checks that
 * every jar gives the same result for every file (the same {@code Result}, or a refusal) and warms
 * them up. Each jar loads in its own class loader with its own shaded Jackson.
 *
 * <pre>
 *   java -cp reporting/target/test-classes dev.pyramid.reporting.bench.AllureReaderBench \
 *       --rounds 9 /tmp/pyramid-bench/allure/allure-results before=/tmp/before/pyramid.jar \
 *       after=reporting/target/pyramid.jar
 * </pre>
 *
 * <p>Add the launcher's JIT options ({@code -XX:+UnlockDiagnosticVMOptions
 * -XX:CompilerDirectivesFile=...}) to time the readers as a gate run compiles them. Prints each
 * round's times, then each jar's median and its ratio to the first jar's median.
 */
public final class AllureReaderBench {

  /** Where the results' hashes go, so that no read is optimized away. */
  static volatile long sink;

  private AllureReaderBench() {}

  /** One jar's reader: {@code read(Path, byte[], int)} typed to return Object. */
  private record Contender(String name, MethodHandle read, Object reader, long[] millis) {}

  public static void main(String[] args) throws Throwable {
    int rounds = 9;
    Path directory = null;
    List<Contender> contenders = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--rounds")) {
        rounds = Integer.parseInt(args[++i]);
      } else if (directory == null) {
        directory = Path.of(args[i]);
      } else {
        int eq = args[i].indexOf('=');
        contenders.add(load(args[i].substring(0, eq), Path.of(args[i].substring(eq + 1)), rounds));
      }
    }
    if (directory == null || contenders.isEmpty()) {
      System.err.println("usage: AllureReaderBench [--rounds N] RESULT_DIR NAME=pyramid.jar...");
      System.exit(2);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(directory)) {
      files =
          list.filter(f -> f.getFileName().toString().endsWith("-result.json")).sorted().toList();
    }
    byte[][] bytes = new byte[files.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = Files.readAllBytes(files.get(i));
    }
    Path[] paths = files.toArray(Path[]::new);
    System.out.printf(
        "%d files, %d MB; %s%n",
        bytes.length,
        Arrays.stream(bytes).mapToLong(b -> b.length).sum() >> 20,
        System.getProperty("java.vm.version"));

    int refused = agree(contenders, paths, bytes);
    System.out.printf(
        "every jar gives the same result for every file (%d refused by all)%n", refused);

    for (int round = 0; round < rounds; round++) {
      StringBuilder line = new StringBuilder("round " + (round + 1) + ":");
      for (int k = 0; k < contenders.size(); k++) {
        Contender contender = contenders.get((k + round) % contenders.size());
        long begin = System.nanoTime();
        sink += readAll(contender, paths, bytes);
        contender.millis()[round] = (System.nanoTime() - begin) / 1_000_000;
        line.append(String.format(" %s %d ms", contender.name(), contender.millis()[round]));
      }
      System.out.println(line);
    }
    double base = median(contenders.get(0).millis());
    for (Contender contender : contenders) {
      double median = median(contender.millis());
      System.out.printf(
          "%-10s median %6.0f ms over %d rounds, %.2fx %s%n",
          contender.name(), median, rounds, median / base, contenders.get(0).name());
    }
  }

  private static Contender load(String name, Path jar, int rounds)
      throws ReflectiveOperationException, IOException {
    URLClassLoader loader =
        new URLClassLoader(
            name, new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> type = loader.loadClass("dev.pyramid.reporting.results.AllureResultReader");
    Object reader = type.getConstructor().newInstance();
    Class<?> result = loader.loadClass("dev.pyramid.reporting.results.AllureResultReader$Result");
    MethodHandle read =
        MethodHandles.publicLookup()
            .findVirtual(
                type, "read", MethodType.methodType(result, Path.class, byte[].class, int.class))
            .asType(
                MethodType.methodType(
                    Object.class, Object.class, Path.class, byte[].class, int.class));
    return new Contender(name, read, reader, new long[rounds]);
  }

  /** Fails unless every jar reads every file alike; returns how many files all of them refused. */
  private static int agree(List<Contender> contenders, Path[] paths, byte[][] bytes)
      throws Throwable {
    int refused = 0;
    for (int i = 0; i < bytes.length; i++) {
      String first = null;
      for (Contender contender : contenders) {
        String read = outcome(contender, paths[i], bytes[i]);
        if (first == null) {
          first = read;
        } else if (!first.equals(read)) {
          throw new AssertionError(
              paths[i]
                  + ": "
                  + contenders.get(0).name()
                  + " "
                  + first
                  + ", "
                  + contender.name()
                  + " "
                  + read);
        }
      }
      refused += first.startsWith("refused") ? 1 : 0;
    }
    return refused;
  }

  private static String outcome(Contender contender, Path path, byte[] bytes) throws Throwable {
    try {
      return Objects.toString(
          contender.read().invokeExact(contender.reader(), path, bytes, bytes.length));
    } catch (Exception e) {
      return "refused"; // messages differ between readers; that both refuse is what counts
    }
  }

  private static long readAll(Contender contender, Path[] paths, byte[][] bytes) throws Throwable {
    long sum = 0;
    MethodHandle read = contender.read();
    Object reader = contender.reader();
    for (int i = 0; i < bytes.length; i++) {
      try {
        sum += read.invokeExact(reader, paths[i], bytes[i], bytes[i].length).hashCode();
      } catch (Exception e) {
        sum++;
      }
    }
    return sum;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
