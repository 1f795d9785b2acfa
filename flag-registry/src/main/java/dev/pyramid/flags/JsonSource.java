package dev.pyramid.flags;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * A JSON file read into a tree, with the line each member starts on, so that messages name the line
 * to fix. Duplicate keys are refused: flagd keeps the last, which hides a flag defined twice.
 */
final class JsonSource {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private final Path file;
  private final JsonNode root;
  private final Map<String, Integer> lines;
  private final String sha256;

  private JsonSource(Path file, JsonNode root, Map<String, Integer> lines, String sha256) {
    this.file = file;
    this.root = root;
    this.lines = lines;
    this.sha256 = sha256;
  }

  /** Reads {@code file}, or says why it is not JSON, with the line. */
  static JsonSource read(Path file) throws FlagFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new FlagFileException(file, 0, null, "no such file");
    } catch (IOException e) {
      throw new FlagFileException(file, 0, null, "cannot be read: " + e.getMessage(), e);
    }
    try {
      JsonNode root = JSON.readTree(bytes);
      if (root == null || root.isMissingNode()) {
        throw new FlagFileException(file, 1, null, "is empty; a flagd file is a JSON object");
      }
      return new JsonSource(file, root, lines(bytes), sha256(bytes));
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new FlagFileException(file, line, null, "is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new FlagFileException(file, 0, null, "cannot be read: " + e.getMessage(), e);
    }
  }

  Path file() {
    return file;
  }

  JsonNode root() {
    return root;
  }

  /** The SHA-256 of the bytes read, in lower-case hex. */
  String sha256() {
    return sha256;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The line the member at {@code pointer} ({@code /flags/eta-buffer/metadata}) starts on. */
  int line(String pointer) {
    String at = pointer;
    while (true) {
      Integer line = lines.get(at);
      if (line != null) {
        return line;
      }
      int slash = at.lastIndexOf('/');
      if (slash < 0) {
        return 1;
      }
      at = at.substring(0, slash);
    }
  }

  /** A JSON pointer to {@code name} under {@code parent}. */
  static String pointer(String parent, String name) {
    return parent + "/" + name.replace("~", "~0").replace("/", "~1");
  }

  private static Map<String, Integer> lines(byte[] bytes) throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    Deque<String> containers = new ArrayDeque<>();
    Deque<Integer> indexes = new ArrayDeque<>();
    String at = "";
    try (JsonParser parser = JSON.getFactory().createParser(bytes)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME) {
          String member =
              pointer(containers.isEmpty() ? "" : containers.peek(), parser.currentName());
          lines.put(member, parser.currentLocation().getLineNr());
          at = member;
          continue;
        }
        if (!indexes.isEmpty() && indexes.peek() >= 0 && token != JsonToken.END_ARRAY) {
          int index = indexes.pop();
          indexes.push(index + 1);
          at = containers.peek() + "/" + index;
          lines.put(at, parser.currentLocation().getLineNr());
        }
        switch (token) {
          case START_OBJECT -> {
            containers.push(containers.isEmpty() ? "" : at);
            indexes.push(-1);
          }
          case START_ARRAY -> {
            containers.push(containers.isEmpty() ? "" : at);
            indexes.push(0);
          }
          case END_OBJECT, END_ARRAY -> {
            containers.pop();
            indexes.pop();
          }
          default -> {}
        }
      }
    }
    return lines;
  }
}
