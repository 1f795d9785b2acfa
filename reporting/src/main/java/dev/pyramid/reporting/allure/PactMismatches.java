package dev.pyramid.reporting.allure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One Allure result per interaction that failed Pact provider verification, read from Pact JVM's
 * reports ({@code target/pact/reports/*.json}, and the {@code .md} beside it for the readable
 * diff), with the interaction's verification output and its part of the markdown report attached.
 *
 * <p>The test that ran the verification shows only Pact's summary; these results put each broken
 * interaction, with its mismatches and diff, under the contract layer of the report.
 */
final class PactMismatches {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PactMismatches() {}

  /** Writes the results (and attachments) into {@code destination}; returns the results written. */
  static List<Path> write(List<Path> roots, Path destination) throws IOException {
    List<Path> written = new ArrayList<>();
    for (Path report : reports(roots)) {
      JsonNode root;
      try {
        root = JSON.readTree(report.toFile());
      } catch (IOException e) {
        continue; // The gate names an unreadable Pact report as such; nothing to show here.
      }
      String provider = root.path("provider").path("name").asText("provider");
      String markdown = readMarkdown(report);
      long time = Files.getLastModifiedTime(report).toMillis();
      for (JsonNode execution : root.path("execution")) {
        String consumer = execution.path("consumer").path("name").asText("consumer");
        if ("Pact Load Failure".equals(execution.path("result").path("state").asText())) {
          written.add(
              writeResult(
                  destination,
                  report,
                  provider,
                  consumer,
                  "the pact could not be loaded",
                  execution.path("result"),
                  "",
                  time));
        }
        for (JsonNode interaction : execution.path("interactions")) {
          JsonNode verification = interaction.path("verification");
          if ("OK".equals(verification.path("result").asText())) {
            continue;
          }
          String description =
              interaction.path("interaction").path("description").asText("interaction");
          String block = markdownBlock(markdown, description);
          written.add(
              writeResult(
                  destination, report, provider, consumer, description, verification, block, time));
          attachToVerificationTest(destination, consumer, description, verification, block);
        }
      }
    }
    return written;
  }

  private static List<Path> reports(List<Path> roots) throws IOException {
    List<Path> reports =
        new ArrayList<>(
            BuildFiles.find(
                roots, path -> path.endsWith(".json") && path.contains("/target/pact/reports/")));
    reports.sort(null);
    return reports;
  }

  private static String readMarkdown(Path jsonReport) throws IOException {
    String name = jsonReport.getFileName().toString();
    Path markdown =
        jsonReport.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".md");
    return Files.isRegularFile(markdown) ? Files.readString(markdown, StandardCharsets.UTF_8) : "";
  }

  /**
   * The part of Pact's markdown report about {@code description}: from its "From" line to the next.
   * The report may hold several runs of the interaction (Pact appends per verification); the last
   * block that failed wins, else the last one.
   */
  static String markdownBlock(String markdown, String description) {
    String chosen = "";
    for (int at = markdown.indexOf(description);
        at >= 0;
        at = markdown.indexOf(description, at + 1)) {
      int start = markdown.lastIndexOf("From ", at);
      int end = markdown.indexOf("\nFrom ", at);
      int nextSection = markdown.indexOf("\n## ", at);
      if (end < 0 || (nextSection >= 0 && nextSection < end)) {
        end = nextSection;
      }
      String block =
          markdown
              .substring(Math.max(start, 0), end < 0 ? markdown.length() : end)
              .replace("&nbsp;", " ")
              .replace("<br/>", "")
              .replaceAll("<span style='color:[a-z]+'>([A-Z]+)</span>", "$1")
              .strip();
      if (block.contains("FAILED") || !chosen.contains("FAILED")) {
        chosen = block;
      }
    }
    return chosen;
  }

  private static Path writeResult(
      Path destination,
      Path report,
      String provider,
      String consumer,
      String description,
      JsonNode verification,
      String markdownBlock,
      long time)
      throws IOException {
    String fullName = "pyramid.pact." + consumer + "." + provider + "." + description;
    String id = UUID.nameUUIDFromBytes(fullName.getBytes(StandardCharsets.UTF_8)).toString();
    ObjectNode result = JSON.createObjectNode();
    result
        .put("uuid", id)
        .put("historyId", id)
        .put("testCaseId", id)
        .put("fullName", fullName)
        .put("name", "Pact: " + consumer + " -> " + provider + ": " + description)
        .put("status", "failed")
        .put("stage", "finished")
        .put("start", time)
        .put("stop", time);
    result
        .putObject("statusDetails")
        .put(
            "message",
            "Pact verification of "
                + consumer
                + " -> "
                + provider
                + " failed for '"
                + description
                + "'"
                + failedChecks(markdownBlock))
        .put("trace", verification.toPrettyString());
    result.put(
        "description",
        "Provider verification of the pact between "
            + consumer
            + " and "
            + provider
            + ", read from "
            + report
            + ".");
    ArrayNode labels = result.putArray("labels");
    label(labels, "layer", "contract");
    label(labels, "parentSuite", "contract");
    label(labels, "suite", "Pact verification of " + provider);
    label(labels, "epic", "contract");
    label(labels, "feature", provider);
    label(labels, "story", consumer + " -> " + provider);
    ArrayNode attachments = result.putArray("attachments");
    attach(
        destination,
        attachments,
        id + "-verification",
        "Pact verification (JSON)",
        "application/json",
        "json",
        verification.toPrettyString());
    if (!markdownBlock.isEmpty()) {
      attach(
          destination,
          attachments,
          id + "-diff",
          "Pact mismatches and diff",
          "text/plain",
          "txt",
          markdownBlock);
    }
    Path file = destination.resolve(id + "-result.json");
    JSON.writeValue(file.toFile(), result);
    return file;
  }

  /**
   * Attaches the mismatches to the failed provider-verification test of the interaction, which Pact
   * JUnit 5 names "{@code <consumer> - <description>}".
   */
  private static void attachToVerificationTest(
      Path destination,
      String consumer,
      String description,
      JsonNode verification,
      String markdownBlock)
      throws IOException {
    String suffix = consumer + " - " + description;
    try (Stream<Path> files = Files.list(destination)) {
      for (Path file :
          (Iterable<Path>)
              files.filter(f -> f.getFileName().toString().endsWith("-result.json"))::iterator) {
        JsonNode tree;
        try {
          tree = JSON.readTree(file.toFile());
        } catch (IOException e) {
          continue;
        }
        if (!(tree instanceof ObjectNode result)
            || "passed".equals(result.path("status").asText())
            || !result.path("name").asText().endsWith(suffix)
            || result.path("fullName").asText().startsWith("pyramid.pact.")) {
          continue;
        }
        ArrayNode attachments =
            result.has("attachments") && result.get("attachments").isArray()
                ? (ArrayNode) result.get("attachments")
                : result.putArray("attachments");
        String id = result.path("uuid").asText(UUID.randomUUID().toString());
        attach(
            destination,
            attachments,
            id + "-pact-verification",
            "Pact verification (JSON)",
            "application/json",
            "json",
            verification.toPrettyString());
        if (!markdownBlock.isEmpty()) {
          attach(
              destination,
              attachments,
              id + "-pact-diff",
              "Pact mismatches and diff",
              "text/plain",
              "txt",
              markdownBlock);
        }
        JSON.writeValue(file.toFile(), result);
      }
    }
  }

  /** Pact's own wording of what failed, e.g. "; has a matching body (FAILED)". */
  private static String failedChecks(String markdownBlock) {
    StringBuilder failed = new StringBuilder();
    for (String line : markdownBlock.split("\n")) {
      if (line.contains("FAILED")) {
        failed.append("; ").append(line.strip());
      }
    }
    return failed.toString();
  }

  private static void attach(
      Path destination,
      ArrayNode attachments,
      String id,
      String name,
      String type,
      String extension,
      String content)
      throws IOException {
    String source = id + "-attachment." + extension;
    Files.writeString(destination.resolve(source), content, StandardCharsets.UTF_8);
    attachments.addObject().put("name", name).put("source", source).put("type", type);
  }

  private static void label(ArrayNode labels, String name, String value) {
    labels.addObject().put("name", name).put("value", value);
  }
}
