package dev.pyramid.reporting.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The Allure reader's fields read by jackson-core's streaming {@link JsonParser} instead of {@link
 * JsonCursor}: the reference of the cursor's differential tests, and the contender it was measured
 * against (bench/RESULTS.md). Same fields, same rules (the last of repeated members wins, a
 * non-scalar is null), same refusals: UTF-8 is checked first ({@link Utf8}), nesting is limited to
 * the cursor's {@value JsonCursor#MAX_DEPTH} levels, and Jackson's limits on the length of numbers,
 * strings and names, which the cursor does not have, are lifted.
 */
final class JacksonAllureFields {

  private JacksonAllureFields() {}

  /**
   * One factory for every document; names canonicalized (a known name costs no String), not
   * interned.
   */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .disable(JsonFactory.Feature.INTERN_FIELD_NAMES)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(JsonCursor.MAX_DEPTH)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNameLength(Integer.MAX_VALUE)
                  .build())
          .build();

  /** What {@link AllureResultReader#read(Path, byte[], int)} gives, Jackson reading the fields. */
  static AllureResultReader.Result read(Path file, byte[] bytes, int length)
      throws UnreadableEvidenceException {
    Utf8.check(file, bytes, length);
    AllureResultReader.Fields fields = new AllureResultReader.Fields();
    try (JsonParser json = JSON.createParser(bytes, 0, length)) {
      if (json.nextToken() != JsonToken.START_OBJECT) {
        throw new UnreadableEvidenceException(file, "empty, or not a JSON object");
      }
      readObject(json, fields);
      if (json.nextToken() != null) {
        throw new UnreadableEvidenceException(file, "not valid JSON: more than one value");
      }
    } catch (JacksonException e) {
      throw new UnreadableEvidenceException(file, "not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UnreadableEvidenceException(file, "cannot read: " + e.getMessage(), e);
    }
    return AllureResultReader.result(file, fields);
  }

  /** The top-level object; a repeated member counts as its last occurrence. */
  private static void readObject(JsonParser json, AllureResultReader.Fields fields)
      throws IOException {
    String member;
    while ((member = json.nextFieldName()) != null) {
      JsonToken value = json.nextToken();
      switch (member) {
        case "name" -> fields.name = text(json, value);
        case "status" -> fields.status = text(json, value);
        case "fullName" -> fields.fullName = text(json, value);
        case "historyId" -> fields.historyId = text(json, value);
        case "uuid" -> fields.uuid = text(json, value);
        case "start" -> fields.start = number(json, value);
        case "stop" -> fields.stop = number(json, value);
        case "labels" -> readLabels(json, value, fields);
        case "statusDetails" -> fields.message = message(json, value);
        default -> json.skipChildren();
      }
    }
  }

  /**
   * {@code labels: [{name, value}...]}: the last {@code layer} label wins; anything else is
   * skipped.
   */
  private static void readLabels(
      JsonParser json, JsonToken labels, AllureResultReader.Fields fields) throws IOException {
    if (labels != JsonToken.START_ARRAY) {
      json.skipChildren();
      return;
    }
    JsonToken label;
    while ((label = json.nextToken()) != JsonToken.END_ARRAY) {
      if (label != JsonToken.START_OBJECT) {
        json.skipChildren();
        continue;
      }
      // Ten labels or so per result, one of interest: a name is compared where Jackson decoded it,
      // without a
      // String; a value is kept as text since "value" may come before "name".
      boolean layer = false;
      String value = null;
      String member;
      while ((member = json.nextFieldName()) != null) {
        JsonToken token = json.nextToken();
        switch (member) {
          case "name" -> {
            layer = token == JsonToken.VALUE_STRING && isLayer(json);
            json.skipChildren();
          }
          case "value" -> value = text(json, token);
          default -> json.skipChildren();
        }
      }
      if (layer) {
        fields.layer = value == null ? "" : value;
      }
    }
  }

  private static boolean isLayer(JsonParser json) throws IOException {
    char[] text = json.getTextCharacters();
    int offset = json.getTextOffset();
    return json.getTextLength() == 5
        && text[offset] == 'l'
        && text[offset + 1] == 'a'
        && text[offset + 2] == 'y'
        && text[offset + 3] == 'e'
        && text[offset + 4] == 'r';
  }

  /** {@code statusDetails.message}; null when absent or not a scalar. */
  private static String message(JsonParser json, JsonToken details) throws IOException {
    if (details != JsonToken.START_OBJECT) {
      json.skipChildren();
      return null;
    }
    String message = null;
    String member;
    while ((member = json.nextFieldName()) != null) {
      JsonToken value = json.nextToken();
      if (member.equals("message")) {
        message = text(json, value);
      } else {
        json.skipChildren();
      }
    }
    return message;
  }

  /**
   * A scalar's text (a string decoded, a number or literal as written); null for null, objects and
   * arrays.
   */
  private static String text(JsonParser json, JsonToken value) throws IOException {
    if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
      return json.getText();
    }
    json.skipChildren();
    return null;
  }

  /**
   * A whole number of a long: an integer, a fraction (truncated) or a string holding an integer;
   * null for anything else. An integer beyond a long's range is refused.
   */
  private static Long number(JsonParser json, JsonToken value) throws IOException {
    switch (value) {
      case VALUE_NUMBER_INT -> {
        return json.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> {
        return (long) json.getDoubleValue();
      }
      case VALUE_STRING -> {
        try {
          return Long.parseLong(json.getText().trim());
        } catch (NumberFormatException e) {
          return null;
        }
      }
      default -> {
        json.skipChildren();
        return null;
      }
    }
  }
}
