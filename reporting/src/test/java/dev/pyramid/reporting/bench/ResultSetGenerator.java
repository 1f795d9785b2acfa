package dev.pyramid.reporting.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Generates a large, realistic, deterministic result set for the gate benchmark: JUnit XML as
 * Surefire and Failsafe 3.5.4 write it, the same test cases as Allure results, Pact JVM 4.7.5 pact
 * files and verification reports, Gatling runs copied from a real run, and JaCoCo XML.
 *
 * <p>The shapes follow the real files under {@code src/test/resources/real/} (see their HOW.md):
 * Surefire's {@code <properties>} block, {@code flakyFailure}/{@code rerunFailure} children, stack
 * traces; allure-jupiter 2.35.3's result JSON; Pact's V4 pact and {@code reportFormat} 0.1.0 report
 * with one {@code execution} per interaction; JaCoCo's DOCTYPE, per-method, per-class,
 * per-sourcefile and report counters.
 *
 * <p>Run without a build, as a single source file (it needs only the JDK):
 *
 * <pre>
 * java reporting/src/test/java/dev/pyramid/reporting/bench/ResultSetGenerator.java --out /tmp/pyramid-bench \
 *     [--seed 42] [--tests 100000] [--files 2000] [--roots 4] [--pacts 20] [--classes 2000] \
 *     [--gatling-runs 3] [--gatling-template DIR]
 * </pre>
 *
 * It writes {@code OUT/junit/root-N/} (result roots laid out as Pyramid's default sources expect),
 * {@code OUT/allure/allure-results/} (one {@code <uuid>-result.json} per test) and {@code
 * OUT/expected.properties} with the counts it wrote, per layer. The same seed gives the same bytes.
 * Not thread-safe; one instance per run.
 */
public final class ResultSetGenerator {

  /** Per-file layer slots of one service (out of {@link #FILES_PER_SERVICE}): a pyramid. */
  private static final int FILES_PER_SERVICE = 50;

  private static final int UNIT_FILES = 35;
  private static final int CONTRACT_SUREFIRE_FILES = 7;
  private static final int CONTRACT_FAILSAFE_FILES = 3;
  private static final long EPOCH_MILLIS = 1_795_000_000_000L;

  private static final String[] SERVICES = {
    "rides", "vehicles", "pricing", "billing", "payments", "invoices", "routing", "dispatch",
        "drivers",
    "riders", "accounts", "auth", "notifications", "messaging", "ratings", "support", "promotions",
        "loyalty",
    "fleet-maintenance", "telemetry", "geofencing", "maps", "eta", "surge", "fraud", "compliance",
        "documents",
    "onboarding", "payouts", "tax", "reporting", "analytics", "search", "catalog", "scheduling",
        "airport",
    "corporate", "vouchers", "feedback", "audit"
  };
  private static final String[] NOUNS = {
    "Ride",
    "Fare",
    "Vehicle",
    "Driver",
    "Invoice",
    "Payment",
    "Route",
    "Quote",
    "Account",
    "Token",
    "Zone",
    "Trip",
    "Receipt",
    "Refund",
    "Voucher",
    "Rating",
    "Ticket",
    "Schedule",
    "Document",
    "Payout"
  };
  private static final String[] ROLES = {
    "Service",
    "Repository",
    "Controller",
    "Mapper",
    "Validator",
    "Calculator",
    "Client",
    "Policy",
    "Handler",
    "Factory"
  };
  private static final String[] VERBS = {
    "creates",
    "rejects",
    "updates",
    "cancels",
    "finds",
    "lists",
    "computes",
    "rounds",
    "validates",
    "retries",
    "expires",
    "refunds",
    "assigns",
    "notifies",
    "charges"
  };
  private static final String[] CONDITIONS = {
    "when_valid",
    "when_missing",
    "for_an_unknown_id",
    "after_timeout",
    "with_two_zones",
    "at_midnight",
    "under_surge",
    "for_a_corporate_account",
    "with_a_voucher",
    "on_retry",
    "when_the_cache_is_cold",
    "in_another_currency"
  };

  private final Options options;
  private final SplittableRandom random;
  private final MessageDigest md5;
  private final Map<String, Totals> totals = new LinkedHashMap<>();

  private ResultSetGenerator(Options options) {
    this.options = options;
    this.random = new SplittableRandom(options.seed);
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
    for (String layer : List.of("unit", "contract", "e2e")) {
      totals.put(layer, new Totals());
    }
  }

  /** Entry point; see the class comment for the options. */
  public static void main(String[] args) throws IOException {
    Options options = Options.parse(args);
    long start = System.nanoTime();
    new ResultSetGenerator(options).generate();
    System.out.printf(
        Locale.ROOT, "Generated %s in %.1f s%n", options.out, (System.nanoTime() - start) / 1e9);
  }

  /** What one test case came out as. */
  private enum Outcome {
    PASSED,
    FAILED,
    ERRORED,
    SKIPPED,
    FLAKY
  }

  /** Counts written per layer, for expected.properties. */
  private static final class Totals {
    long tests;
    long passed;
    long failed;
    long errored;
    long skipped;
    long flaky;
    long files;

    void add(Outcome outcome) {
      tests++;
      switch (outcome) {
        case PASSED -> passed++;
        case FLAKY -> {
          passed++;
          flaky++;
        }
        case FAILED -> failed++;
        case ERRORED -> errored++;
        case SKIPPED -> skipped++;
      }
    }
  }

  /** One generated test case; the JUnit XML and the Allure result are both written from it. */
  private record Case(
      String service,
      String layer,
      String className,
      String method,
      Outcome outcome,
      double seconds,
      String message,
      String trace) {}

  private void generate() throws IOException {
    Path out = options.out;
    Path junit = out.resolve("junit");
    Path allure = out.resolve("allure").resolve("allure-results");
    deleteRecursively(junit);
    deleteRecursively(allure);
    Files.createDirectories(allure);

    int services = options.files / FILES_PER_SERVICE;
    if (services * FILES_PER_SERVICE != options.files || services % options.roots != 0) {
      throw new IllegalArgumentException(
          "--files must be a multiple of "
              + FILES_PER_SERVICE
              + " * --roots ("
              + FILES_PER_SERVICE * options.roots
              + "), was "
              + options.files);
    }
    int[] perFile = testsPerFile();
    int fileIndex = 0;
    long jacocoClasses = 0;
    long[] coverage = new long[4];
    for (int s = 0; s < services; s++) {
      Path root = junit.resolve("root-" + (s % options.roots + 1));
      String service =
          SERVICES[s % SERVICES.length] + (s < SERVICES.length ? "" : "-" + s / SERVICES.length);
      Path module = root.resolve(service);
      for (int f = 0; f < FILES_PER_SERVICE; f++) {
        String layer;
        Path dir;
        String kind;
        if (f < UNIT_FILES) {
          layer = "unit";
          dir = module.resolve("target/surefire-reports/unit");
          kind = "Tests";
        } else if (f < UNIT_FILES + CONTRACT_SUREFIRE_FILES) {
          layer = "contract";
          dir = module.resolve("target/surefire-reports/contract");
          kind = "PactTests";
        } else if (f < UNIT_FILES + CONTRACT_SUREFIRE_FILES + CONTRACT_FAILSAFE_FILES) {
          layer = "contract";
          dir = module.resolve("target/failsafe-reports/contract");
          kind = "ProviderIT";
        } else {
          layer = "e2e";
          dir = module.resolve("target/failsafe-reports/e2e");
          kind = "JourneyIT";
        }
        String className =
            "dev.platform."
                + service.replace("-", "")
                + "."
                + pick(NOUNS).toLowerCase(Locale.ROOT)
                + "."
                + pick(NOUNS)
                + pick(ROLES)
                + f
                + kind;
        List<Case> cases = new ArrayList<>();
        for (int t = 0; t < perFile[fileIndex]; t++) {
          cases.add(testCase(service, layer, className, t));
        }
        fileIndex++;
        Files.createDirectories(dir);
        writeSurefireXml(
            dir.resolve("TEST-" + className + ".xml"), module, className, layer, cases);
        totals.get(layer).files++;
        for (Case c : cases) {
          totals.get(layer).add(c.outcome);
          writeAllureResult(allure, c);
        }
      }
      int classes = options.classes / services + (s < options.classes % services ? 1 : 0);
      jacocoClasses += classes;
      writeJacoco(module.resolve("target/site/jacoco/jacoco.xml"), service, classes, coverage);
    }
    writePacts(junit);
    copyGatlingRuns(junit);
    writeExpected(out.resolve("expected.properties"), services, jacocoClasses, coverage);
  }

  /** Tests per file: around tests/files, varied in pairs (+d, -d) so that the total is exact. */
  private int[] testsPerFile() {
    int[] counts = new int[options.files];
    int base = options.tests / options.files;
    int remainder = options.tests % options.files;
    for (int i = 0; i < counts.length; i++) {
      counts[i] = base + (i < remainder ? 1 : 0);
    }
    for (int i = 0; i + 1 < counts.length; i += 2) {
      int d = random.nextInt(Math.max(1, (int) (base * 0.6)));
      counts[i] += d;
      counts[i + 1] -= d;
    }
    return counts;
  }

  private Case testCase(String service, String layer, String className, int index) {
    String method =
        pick(VERBS)
            + "_"
            + pick(NOUNS).toLowerCase(Locale.ROOT)
            + "_"
            + pick(CONDITIONS)
            + (index == 0 ? "" : "_" + index);
    double roll = random.nextDouble();
    Outcome outcome =
        roll < 0.002
            ? Outcome.FAILED
            : roll < 0.003
                ? Outcome.ERRORED
                : roll < 0.018 ? Outcome.SKIPPED : roll < 0.021 ? Outcome.FLAKY : Outcome.PASSED;
    double scale =
        switch (layer) {
          case "unit" -> 0.004;
          case "contract" -> 0.08;
          default -> 0.6;
        };
    double seconds =
        outcome == Outcome.SKIPPED
            ? 0
            : Math.round(-Math.log(1 - random.nextDouble()) * scale * 1000) / 1000.0;
    String message =
        switch (outcome) {
          case FAILED, FLAKY ->
              "expected: <" + random.nextInt(1000) + "> but was: <" + random.nextInt(1000) + ">";
          case ERRORED -> "Connection refused: 127.0.0.1:" + (30000 + random.nextInt(30000));
          case SKIPPED -> "not released yet: " + service + " v" + (2 + random.nextInt(3));
          case PASSED -> "";
        };
    String trace =
        switch (outcome) {
          case FAILED, FLAKY -> assertionTrace(className, method, message);
          case ERRORED -> errorTrace(className, method, message);
          default -> "";
        };
    return new Case(service, layer, className, method, outcome, seconds, message, trace);
  }

  private String assertionTrace(String className, String method, String message) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return "org.opentest4j.AssertionFailedError: "
        + message
        + "\n"
        + "\tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)\n"
        + "\tat org.junit.jupiter.api.AssertionFailureBuilder.buildAndThrow(AssertionFailureBuilder.java:132)\n"
        + "\tat org.junit.jupiter.api.AssertEquals.failNotEqual(AssertEquals.java:197)\n"
        + "\tat org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:150)\n"
        + "\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:563)\n"
        + "\tat "
        + className
        + "."
        + method
        + "("
        + simple
        + ".java:"
        + (20 + random.nextInt(400))
        + ")\n"
        + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
        + "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n"
        + "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n";
  }

  private String errorTrace(String className, String method, String message) {
    String simple = className.substring(className.lastIndexOf('.') + 1);
    return "java.net.ConnectException: "
        + message
        + "\n"
        + "\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\n"
        + "\tat java.base/sun.nio.ch.Net.pollConnectNow(Net.java:672)\n"
        + "\tat java.base/sun.nio.ch.NioSocketImpl.timedFinishConnect(NioSocketImpl.java:542)\n"
        + "\tat java.base/sun.nio.ch.NioSocketImpl.connect(NioSocketImpl.java:597)\n"
        + "\tat java.base/java.net.Socket.connect(Socket.java:633)\n"
        + "\tat java.net.http/jdk.internal.net.http.HttpClientImpl.send(HttpClientImpl.java:558)\n"
        + "\tat "
        + className
        + "."
        + method
        + "("
        + simple
        + ".java:"
        + (20 + random.nextInt(400))
        + ")\n"
        + "\tat java.base/java.lang.reflect.Method.invoke(Method.java:569)\n"
        + "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n"
        + "\tat java.base/java.util.ArrayList.forEach(ArrayList.java:1511)\n";
  }

  private void writeSurefireXml(
      Path file, Path module, String className, String layer, List<Case> cases) throws IOException {
    boolean failsafe =
        file.getParent().getParent().getFileName().toString().equals("failsafe-reports");
    long failures = cases.stream().filter(c -> c.outcome == Outcome.FAILED).count();
    long errors = cases.stream().filter(c -> c.outcome == Outcome.ERRORED).count();
    long skipped = cases.stream().filter(c -> c.outcome == Outcome.SKIPPED).count();
    double time = cases.stream().mapToDouble(Case::seconds).sum();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      w.write(
          "<testsuite xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation="
              + "\"https://maven.apache.org/surefire/maven-"
              + (failsafe ? "failsafe" : "surefire")
              + "-plugin/xsd/"
              + (failsafe ? "failsafe" : "surefire")
              + "-test-report.xsd\" version=\"3.0.2\" name=\""
              + className
              + "\" time=\""
              + seconds(time)
              + "\" tests=\""
              + cases.size()
              + "\" errors=\""
              + errors
              + "\" skipped=\""
              + skipped
              + "\" failures=\""
              + failures
              + "\">\n");
      writeProperties(w, module, layer);
      for (Case c : cases) {
        String open =
            "  <testcase name=\""
                + c.method
                + "\" classname=\""
                + className
                + "\" time=\""
                + seconds(c.seconds)
                + "\"";
        switch (c.outcome) {
          case PASSED -> w.write(open + "/>\n");
          case SKIPPED ->
              w.write(
                  open + ">\n    <skipped message=\"" + xml(c.message) + "\"/>\n  </testcase>\n");
          case FLAKY -> {
            w.write(open + ">\n");
            w.write(
                "    <flakyFailure message=\""
                    + xml(c.message)
                    + "\" type=\"org.opentest4j.AssertionFailedError\">\n");
            w.write(
                "      <stackTrace><![CDATA["
                    + c.trace
                    + "]]></stackTrace>\n    </flakyFailure>\n  </testcase>\n");
          }
          case FAILED, ERRORED -> {
            boolean error = c.outcome == Outcome.ERRORED;
            String tag = error ? "error" : "failure";
            String rerun = error ? "rerunError" : "rerunFailure";
            String type =
                error ? "java.net.ConnectException" : "org.opentest4j.AssertionFailedError";
            w.write(open + ">\n");
            w.write(
                "    <"
                    + tag
                    + " message=\""
                    + xml(c.message)
                    + "\" type=\""
                    + type
                    + "\"><![CDATA["
                    + c.trace
                    + "]]></"
                    + tag
                    + ">\n");
            for (int i = 0; i < 2; i++) {
              w.write(
                  "    <" + rerun + " message=\"" + xml(c.message) + "\" type=\"" + type + "\">\n");
              w.write(
                  "      <stackTrace><![CDATA["
                      + c.trace
                      + "]]></stackTrace>\n    </"
                      + rerun
                      + ">\n");
            }
            w.write("  </testcase>\n");
          }
        }
      }
      w.write("</testsuite>\n");
    }
  }

  /** Surefire's properties block: the forked JVM's system properties, as in the real files. */
  private static void writeProperties(BufferedWriter w, Path module, String layer)
      throws IOException {
    String dir = "/builds/platform/" + module.getFileName();
    StringBuilder classPath =
        new StringBuilder(dir + "/target/test-classes:" + dir + "/target/classes");
    String[] jars = {
      "io/javalin/javalin/6.7.0/javalin-6.7.0.jar",
      "org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar",
      "org/eclipse/jetty/jetty-server/11.0.26/jetty-server-11.0.26.jar",
      "org/eclipse/jetty/jetty-http/11.0.26/jetty-http-11.0.26.jar",
      "org/eclipse/jetty/jetty-util/11.0.26/jetty-util-11.0.26.jar",
      "org/eclipse/jetty/jetty-io/11.0.26/jetty-io-11.0.26.jar",
      "com/fasterxml/jackson/core/jackson-databind/2.20.0/jackson-databind-2.20.0.jar",
      "com/fasterxml/jackson/core/jackson-core/2.20.0/jackson-core-2.20.0.jar",
      "org/postgresql/postgresql/42.7.8/postgresql-42.7.8.jar",
      "com/zaxxer/HikariCP/6.3.0/HikariCP-6.3.0.jar",
      "org/junit/jupiter/junit-jupiter-api/5.14.4/junit-jupiter-api-5.14.4.jar",
      "org/junit/jupiter/junit-jupiter-engine/5.14.4/junit-jupiter-engine-5.14.4.jar",
      "org/junit/platform/junit-platform-engine/1.14.4/junit-platform-engine-1.14.4.jar",
      "org/junit/platform/junit-platform-commons/1.14.4/junit-platform-commons-1.14.4.jar",
      "org/assertj/assertj-core/3.27.6/assertj-core-3.27.6.jar",
      "net/bytebuddy/byte-buddy/1.17.7/byte-buddy-1.17.7.jar",
      "io/qameta/allure/allure-jupiter/2.35.3/allure-jupiter-2.35.3.jar",
      "io/qameta/allure/allure-java-commons/2.35.3/allure-java-commons-2.35.3.jar",
      "org/opentest4j/opentest4j/1.3.0/opentest4j-1.3.0.jar",
      "org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar"
    };
    for (String jar : jars) {
      classPath.append(":/root/.m2/repository/").append(jar);
    }
    String[][] properties = {
      {"java.specification.version", "17"},
      {"sun.jnu.encoding", "UTF-8"},
      {"java.class.path", classPath.toString()},
      {"java.vm.vendor", "Debian"},
      {"sun.arch.data.model", "64"},
      {"java.vendor.url", "https://tracker.debian.org/openjdk-17"},
      {"user.timezone", "UTC"},
      {"os.name", "Linux"},
      {"java.vm.specification.version", "17"},
      {"sun.java.launcher", "SUN_STANDARD"},
      {"sun.boot.library.path", "/usr/lib/jvm/java-17-openjdk-amd64/lib"},
      {
        "sun.java.command",
        dir
            + "/target/surefire/surefirebooter-20261126133655_3.jar "
            + dir
            + "/target/surefire 2026-11-26T13-36-55_123-jvmRun1 surefire-20261126133655_1tmp surefire_0-20261126133655_2tmp"
      },
      {"jdk.debug", "release"},
      {"surefire.test.class.path", classPath.toString()},
      {"allure.results.directory", dir + "/target/allure-results"},
      {"sun.cpu.endian", "little"},
      {"user.home", "/root"},
      {"user.language", "en"},
      {"java.specification.vendor", "Oracle Corporation"},
      {"java.version.date", "2025-04-15"},
      {"java.home", "/usr/lib/jvm/java-17-openjdk-amd64"},
      {"file.separator", "/"},
      {"basedir", dir},
      {"java.vm.compressedOopsMode", "Zero based"},
      {"line.separator", "&#10;"},
      {"java.vm.specification.vendor", "Oracle Corporation"},
      {"java.specification.name", "Java Platform API Specification"},
      {"surefire.real.class.path", dir + "/target/surefire/surefirebooter-20261126133655_3.jar"},
      {"sun.management.compiler", "HotSpot 64-Bit Tiered Compilers"},
      {"java.runtime.version", "17.0.15+6-Debian-1deb12u1"},
      {"user.name", "root"},
      {"path.separator", ":"},
      {"os.version", "6.1.0-40-cloud-amd64"},
      {"java.runtime.name", "OpenJDK Runtime Environment"},
      {"file.encoding", "UTF-8"},
      {"java.vm.name", "OpenJDK 64-Bit Server VM"},
      {"localRepository", "/root/.m2/repository"},
      {"java.vendor.url.bug", "https://bugs.debian.org/openjdk-17"},
      {"java.io.tmpdir", "/tmp"},
      {"java.version", "17.0.15"},
      {"user.dir", dir},
      {"os.arch", "amd64"},
      {"java.vm.specification.name", "Java Virtual Machine Specification"},
      {"native.encoding", "UTF-8"},
      {
        "java.library.path",
        "/usr/java/packages/lib:/usr/lib/x86_64-linux-gnu/jni:/lib/x86_64-linux-gnu:/usr/lib/x86_64-linux-gnu:/usr/lib/jni:/lib:/usr/lib"
      },
      {"java.vm.info", "mixed mode, sharing"},
      {"java.vendor", "Debian"},
      {"java.vm.version", "17.0.15+6-Debian-1deb12u1"},
      {"java.specification.maintenance.version", "1"},
      {"sun.io.unicode.encoding", "UnicodeLittle"},
      {"java.class.version", "61.0"},
      {"junit.jupiter.tags", layer}
    };
    w.write("  <properties>\n");
    for (String[] p : properties) {
      w.write("    <property name=\"" + p[0] + "\" value=\"" + p[1] + "\"/>\n");
    }
    w.write("  </properties>\n");
  }

  /**
   * One allure-jupiter 2.35.3 result, field for field as the adapter writes it (single line, like
   * Jackson).
   */
  private void writeAllureResult(Path dir, Case c) throws IOException {
    String uuid = uuid().toString();
    String pkg = c.className.substring(0, c.className.lastIndexOf('.'));
    String simple = c.className.substring(c.className.lastIndexOf('.') + 1);
    String uniqueId =
        "[engine:junit-jupiter]/[class:" + c.className + "]/[method:" + c.method + "()]";
    String fullName = c.className + "." + c.method;
    long start = EPOCH_MILLIS + random.nextInt(3_600_000);
    long stop = start + Math.round(c.seconds * 1000);
    String status =
        switch (c.outcome) {
          case PASSED, FLAKY -> "passed";
          case FAILED -> "failed";
          case ERRORED -> "broken";
          case SKIPPED -> "skipped";
        };
    StringBuilder json = new StringBuilder(1800);
    json.append("{\"uuid\":\"")
        .append(uuid)
        .append("\",\"historyId\":\"")
        .append(md5Hex(fullName))
        .append("\",\"testCaseId\":\"")
        .append(json(uniqueId))
        .append("\",\"testCaseName\":\"")
        .append(c.method)
        .append("()\",\"fullName\":\"")
        .append(fullName)
        .append("\",\"titlePath\":[");
    String[] parts = pkg.split("\\.");
    for (int i = 0; i < parts.length; i++) {
      json.append(i == 0 ? "" : ",").append('"').append(parts[i]).append('"');
    }
    json.append(",\"").append(simple).append("\"],\"labels\":[");
    String[][] labels = {
      {"junit.platform.uniqueid", uniqueId},
      {"host", "ci-agent-" + (1 + Math.floorMod(c.service.hashCode(), 8))},
      {"thread", "1062@ci-agent.main(1)"},
      {"framework", "junit-platform"},
      {"language", "java"},
      {"layer", c.layer},
      {"tag", c.layer},
      {"package", c.className},
      {"testClass", c.className},
      {"testMethod", c.method},
      {"suite", c.className}
    };
    for (int i = 0; i < labels.length; i++) {
      json.append(i == 0 ? "" : ",")
          .append("{\"name\":\"")
          .append(labels[i][0])
          .append("\",\"value\":\"")
          .append(json(labels[i][1]))
          .append("\"}");
    }
    json.append("],\"links\":[],\"name\":\"")
        .append(c.method)
        .append("()\",\"status\":\"")
        .append(status)
        .append("\",\"statusDetails\":{\"known\":false,\"muted\":false,\"flaky\":false");
    if (!c.message.isEmpty() && c.outcome != Outcome.FLAKY) {
      json.append(",\"message\":\"").append(json(c.message)).append('"');
    }
    if (!c.trace.isEmpty() && c.outcome != Outcome.FLAKY) {
      json.append(",\"trace\":\"").append(json(c.trace)).append('"');
    }
    json.append(
            "},\"stage\":\"finished\",\"description\":\"\",\"steps\":[],\"attachments\":[],\"parameters\":[],")
        .append("\"start\":")
        .append(start)
        .append(",\"stop\":")
        .append(stop)
        .append('}');
    Files.writeString(dir.resolve(uuid + "-result.json"), json, StandardCharsets.UTF_8);
  }

  /** JaCoCo 0.8.15 XML for one module: packages, classes with methods, source files with lines. */
  private void writeJacoco(Path file, String service, int classes, long[] coverage)
      throws IOException {
    Files.createDirectories(file.getParent());
    long[] report = new long[12];
    StringBuilder x = new StringBuilder(classes * 6000);
    x.append(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><!DOCTYPE report PUBLIC ")
        .append("\"-//JACOCO//DTD Report 1.1//EN\" \"report.dtd\"><report name=\"")
        .append(service)
        .append("\"><sessioninfo id=\"ci-agent-")
        .append(Integer.toHexString(service.hashCode()))
        .append("\" start=\"")
        .append(EPOCH_MILLIS)
        .append("\" dump=\"")
        .append(EPOCH_MILLIS + 5000)
        .append("\"/>");
    int packages = Math.max(1, classes / 10);
    int written = 0;
    for (int p = 0; p < packages; p++) {
      String pkg =
          "dev/platform/"
              + service.replace("-", "")
              + "/"
              + NOUNS[p % NOUNS.length].toLowerCase(Locale.ROOT)
              + (p < NOUNS.length ? "" : String.valueOf(p));
      int inPackage = p == packages - 1 ? classes - written : classes / packages;
      long[] pkgCounters = new long[12];
      StringBuilder sources = new StringBuilder();
      x.append("<package name=\"").append(pkg).append("\">");
      for (int c = 0; c < inPackage; c++, written++) {
        String simple =
            NOUNS[random.nextInt(NOUNS.length)] + ROLES[random.nextInt(ROLES.length)] + written;
        long[] classCounters = new long[12];
        // Sized like the real report in src/test/resources/real/jacoco: ~4 methods, ~17 lines a
        // class.
        int methods = 1 + random.nextInt(7);
        int line = 10;
        StringBuilder lines = new StringBuilder();
        x.append("<class name=\"")
            .append(pkg)
            .append('/')
            .append(simple)
            .append("\" sourcefilename=\"")
            .append(simple)
            .append(".java\">");
        for (int m = 0; m < methods; m++) {
          int nLines = 1 + random.nextInt(7);
          int branches = random.nextInt(4) * 2;
          boolean covered = random.nextDouble() < 0.75;
          int coveredLines = covered ? nLines - random.nextInt(Math.max(1, nLines / 3)) : 0;
          int coveredBranches = covered ? branches - random.nextInt(branches / 2 + 1) : 0;
          long[] mc = {
            (nLines - coveredLines) * 4L,
            coveredLines * 4L,
            branches - coveredBranches,
            coveredBranches,
            nLines - coveredLines,
            coveredLines,
            covered ? 0 : 1 + branches / 2,
            covered ? 1 + branches / 2 : 0,
            covered ? 0 : 1,
            covered ? 1 : 0,
            0,
            0
          };
          x.append("<method name=\"")
              .append(m == 0 ? "&lt;init&gt;" : pick(VERBS))
              .append("\" desc=\"()V\" line=\"")
              .append(line)
              .append("\">");
          counters(x, mc, false);
          x.append("</method>");
          for (int l = 0; l < nLines; l++) {
            boolean lineCovered = l < coveredLines;
            lines
                .append("<line nr=\"")
                .append(line + l)
                .append("\" mi=\"")
                .append(lineCovered ? 0 : 4)
                .append("\" ci=\"")
                .append(lineCovered ? 4 : 0)
                .append("\" mb=\"0\" cb=\"0\"/>");
          }
          line += nLines + 2;
          add(classCounters, mc);
        }
        boolean classCovered = classCounters[9] > 0;
        classCounters[10] = classCovered ? 0 : 1;
        classCounters[11] = classCovered ? 1 : 0;
        counters(x, classCounters, true);
        x.append("</class>");
        sources.append("<sourcefile name=\"").append(simple).append(".java\">").append(lines);
        counters(sources, classCounters, true);
        sources.append("</sourcefile>");
        add(pkgCounters, classCounters);
      }
      x.append(sources);
      counters(x, pkgCounters, true);
      x.append("</package>");
      add(report, pkgCounters);
    }
    counters(x, report, true);
    x.append("</report>");
    Files.writeString(file, x, StandardCharsets.UTF_8);
    coverage[0] += report[5];
    coverage[1] += report[4];
    coverage[2] += report[3];
    coverage[3] += report[2];
  }

  /**
   * Writes JaCoCo counters: pairs (missed, covered) of INSTRUCTION, BRANCH, LINE, COMPLEXITY,
   * METHOD, CLASS.
   */
  private static void counters(StringBuilder x, long[] c, boolean withClass) {
    String[] types = {"INSTRUCTION", "BRANCH", "LINE", "COMPLEXITY", "METHOD", "CLASS"};
    for (int i = 0; i < types.length; i++) {
      if (i == 5 && !withClass) {
        continue;
      }
      if (i == 1 && c[2] + c[3] == 0) {
        continue; // JaCoCo writes no BRANCH counter where there are no branches.
      }
      x.append("<counter type=\"")
          .append(types[i])
          .append("\" missed=\"")
          .append(c[2 * i])
          .append("\" covered=\"")
          .append(c[2 * i + 1])
          .append("\"/>");
    }
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** Pact V4 files and Pact JVM 4.7.5 JSON verification reports, every interaction verified OK. */
  private void writePacts(Path junit) throws IOException {
    for (int i = 0; i < options.pacts; i++) {
      Path module = junit.resolve("root-" + (i % options.roots + 1)).resolve("contract-tests");
      String provider = SERVICES[i % SERVICES.length];
      String consumer = i % 3 == 0 ? "api-gateway" : SERVICES[(i + 7) % SERVICES.length];
      Path pactFile = module.resolve("target/pacts/" + consumer + "-" + provider + ".json");
      Files.createDirectories(pactFile.getParent());
      int count = 5 + random.nextInt(11);
      List<String> interactions = new ArrayList<>();
      for (int n = 0; n < count; n++) {
        interactions.add(interaction(provider, n));
      }
      StringBuilder pact = new StringBuilder();
      pact.append("{\n  \"consumer\": {\n    \"name\": \"")
          .append(consumer)
          .append("\"\n  },\n  \"interactions\": [\n");
      pact.append(String.join(",\n", interactions));
      pact.append(
              "\n  ],\n  \"metadata\": {\n    \"pact-jvm\": {\n      \"version\": \"4.7.5\"\n    },\n")
          .append(
              "    \"pactSpecification\": {\n      \"version\": \"4.0\"\n    }\n  },\n  \"provider\": {\n    \"name\": \"")
          .append(provider)
          .append("\"\n  }\n}\n");
      Files.writeString(pactFile, pact, StandardCharsets.UTF_8);

      Path report = module.resolve("target/pact/reports/" + provider + ".json");
      Files.createDirectories(report.getParent());
      StringBuilder r = new StringBuilder();
      r.append("{\n  \"metaData\": {\n    \"date\": \"2026-11-26T13:36:54.185007523Z[Etc/UTC]\",\n")
          .append("    \"pactJvmVersion\": \"4.7.5\",\n    \"reportFormat\": \"0.1.0\"\n  },\n")
          .append("  \"provider\": {\n    \"name\": \"")
          .append(provider)
          .append("\"\n  },\n  \"execution\": [\n");
      for (int n = 0; n < count; n++) {
        r.append(n == 0 ? "" : ",\n")
            .append("    {\n      \"consumer\": {\n        \"name\": \"")
            .append(consumer)
            .append(
                "\",\n        \"output\": [],\n        \"source\": {\n          \"file\": \"target/pacts/")
            .append(consumer)
            .append('-')
            .append(provider)
            .append(".json\"\n        }\n      },\n")
            .append("      \"interactions\": [\n        {\n          \"interaction\": ")
            .append(interactions.get(n).strip().replace("\n", "\n      "))
            .append(
                ",\n          \"verification\": {\n            \"result\": \"OK\"\n          }\n        }\n")
            .append("      ],\n      \"pending\": false\n    }");
      }
      r.append("\n  ]\n}\n");
      Files.writeString(report, r, StandardCharsets.UTF_8);
    }
  }

  private String interaction(String provider, int n) {
    String noun = NOUNS[random.nextInt(NOUNS.length)].toLowerCase(Locale.ROOT);
    String id = uuid().toString();
    int status = n % 4 == 3 ? 404 : 200;
    return "    {\n      \"description\": \"a request "
        + n
        + " for a "
        + noun
        + " of "
        + provider
        + "\",\n"
        + "      \"key\": \""
        + Integer.toHexString(random.nextInt())
        + "\",\n      \"pending\": false,\n"
        + "      \"providerStates\": [\n        {\n          \"name\": \"a "
        + noun
        + " exists\"\n        }\n      ],\n"
        + "      \"request\": {\n        \"method\": \"GET\",\n        \"path\": \"/v1/"
        + noun
        + "s/"
        + id
        + "\"\n      },\n"
        + "      \"response\": {\n        \"body\": {\n          \"content\": {\n            \"id\": \""
        + id
        + "\",\n            \"status\": \"ACTIVE\"\n          },\n"
        + "          \"contentType\": \"application/json; charset=UTF-8\",\n          \"encoded\": false\n        },\n"
        + "        \"headers\": {\n          \"Content-Type\": [\n            \"application/json; charset=UTF-8\"\n"
        + "          ]\n        },\n        \"matchingRules\": {\n          \"body\": {\n            \"$.id\": {\n"
        + "              \"combine\": \"AND\",\n              \"matchers\": [\n                {\n"
        + "                  \"match\": \"regex\",\n                  \"regex\": \"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\"\n"
        + "                }\n              ]\n            }\n          }\n        },\n        \"status\": "
        + status
        + "\n"
        + "      },\n      \"transport\": \"http\",\n      \"type\": \"Synchronous/HTTP\"\n    }";
  }

  /** Copies the template run (a real Gatling run directory) to perf-tests of the first roots. */
  private void copyGatlingRuns(Path junit) throws IOException {
    Path template = options.gatlingTemplate;
    if (template == null || !Files.isRegularFile(template.resolve("index.html"))) {
      throw new IllegalArgumentException(
          "--gatling-template must be a Gatling run directory with index.html, was " + template);
    }
    String[] simulations = {
      "ridebookingsimulation", "pricingquotesimulation", "dispatchpeaksimulation"
    };
    for (int i = 0; i < options.gatlingRuns; i++) {
      Path run =
          junit
              .resolve("root-" + (i % options.roots + 1))
              .resolve("perf-tests/target/gatling")
              .resolve(
                  simulations[i % simulations.length]
                      + (i < simulations.length ? "" : String.valueOf(i))
                      + "-2026112613"
                      + String.format(Locale.ROOT, "%02d%02d%03d", 30 + i, 10 + i, 100 + i));
      copyTree(template, run);
    }
  }

  private void writeExpected(Path file, int services, long jacocoClasses, long[] coverage)
      throws IOException {
    StringBuilder p = new StringBuilder();
    p.append("# Written by ResultSetGenerator: what it generated, per layer.\n")
        .append("seed=")
        .append(options.seed)
        .append('\n')
        .append("roots=")
        .append(options.roots)
        .append('\n')
        .append("services=")
        .append(services)
        .append('\n');
    long files = 0;
    long tests = 0;
    for (Map.Entry<String, Totals> e : totals.entrySet()) {
      Totals t = e.getValue();
      String l = e.getKey() + ".";
      p.append(l)
          .append("files=")
          .append(t.files)
          .append('\n')
          .append(l)
          .append("tests=")
          .append(t.tests)
          .append('\n')
          .append(l)
          .append("passed=")
          .append(t.passed)
          .append('\n')
          .append(l)
          .append("failed=")
          .append(t.failed)
          .append('\n')
          .append(l)
          .append("errored=")
          .append(t.errored)
          .append('\n')
          .append(l)
          .append("skipped=")
          .append(t.skipped)
          .append('\n')
          .append(l)
          .append("flaky=")
          .append(t.flaky)
          .append('\n');
      files += t.files;
      tests += t.tests;
    }
    p.append("junit.files=")
        .append(files)
        .append('\n')
        .append("junit.tests=")
        .append(tests)
        .append('\n')
        .append("allure.results=")
        .append(tests)
        .append('\n')
        .append("pacts=")
        .append(options.pacts)
        .append('\n')
        .append("gatling.runs=")
        .append(options.gatlingRuns)
        .append('\n')
        .append("jacoco.classes=")
        .append(jacocoClasses)
        .append('\n')
        .append("jacoco.line.covered=")
        .append(coverage[0])
        .append('\n')
        .append("jacoco.line.missed=")
        .append(coverage[1])
        .append('\n')
        .append("jacoco.branch.covered=")
        .append(coverage[2])
        .append('\n')
        .append("jacoco.branch.missed=")
        .append(coverage[3])
        .append('\n');
    Files.writeString(file, p, StandardCharsets.UTF_8);
  }

  private UUID uuid() {
    long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
    long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
    return new UUID(msb, lsb);
  }

  private String md5Hex(String text) {
    return HexFormat.of().formatHex(md5.digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\n", "\\n")
        .replace("\t", "\\t");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.walkFileTree(
        from,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs)
              throws IOException {
            Files.createDirectories(to.resolve(from.relativize(dir).toString()));
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.copy(file, to.resolve(from.relativize(file).toString()));
            return FileVisitResult.CONTINUE;
          }
        });
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    Files.walkFileTree(
        dir,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Command-line options with the benchmark's defaults. */
  private static final class Options {
    Path out = Path.of("target/bench");
    long seed = 42;
    int tests = 100_000;
    int files = 2_000;
    int roots = 4;
    int pacts = 20;
    int classes = 2_000;
    int gatlingRuns = 3;
    Path gatlingTemplate =
        Path.of(
            "reporting/src/test/resources/real/gatling-run/ridebookingsimulation-20261126133728677");

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        String value = args[++i];
        switch (name) {
          case "--out" -> o.out = Path.of(value);
          case "--seed" -> o.seed = Long.parseLong(value);
          case "--tests" -> o.tests = Integer.parseInt(value);
          case "--files" -> o.files = Integer.parseInt(value);
          case "--roots" -> o.roots = Integer.parseInt(value);
          case "--pacts" -> o.pacts = Integer.parseInt(value);
          case "--classes" -> o.classes = Integer.parseInt(value);
          case "--gatling-runs" -> o.gatlingRuns = Integer.parseInt(value);
          case "--gatling-template" -> o.gatlingTemplate = Path.of(value);
          default ->
              throw new IllegalArgumentException(
                  "unknown option "
                      + name
                      + " (known: --out --seed --tests --files --roots --pacts --classes --gatling-runs --gatling-template)");
        }
      }
      return o;
    }
  }
}
