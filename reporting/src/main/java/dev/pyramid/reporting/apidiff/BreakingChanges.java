package dev.pyramid.reporting.apidiff;

import dev.pyramid.reporting.apidiff.ApiDiffReport.Breaking;
import dev.pyramid.reporting.apidiff.ApiDiffReport.Origin;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openapitools.openapidiff.core.model.Changed;
import org.openapitools.openapidiff.core.model.ChangedContent;
import org.openapitools.openapidiff.core.model.ChangedHeader;
import org.openapitools.openapidiff.core.model.ChangedHeaders;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.ChangedParameter;
import org.openapitools.openapidiff.core.model.ChangedParameters;
import org.openapitools.openapidiff.core.model.ChangedSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedEnum;
import org.openapitools.openapidiff.core.model.schema.ChangedOneOfSchema;
import org.openapitools.openapidiff.core.model.schema.ChangedRequired;

/**
 * The breaking changes of one operation, each with where it is and what changed, read from
 * openapi-diff's tree of changes.
 *
 * <p>openapi-diff decides: a node is reported where its own {@code isIncompatible()} (for a leaf)
 * or {@code isCoreChanged()} (for a node with children) says so, and an operation that openapi-diff
 * calls incompatible always gets at least one line. One rule is Pyramid's own: a property removed
 * from a response breaks the consumers that read it, required or not (openapi-diff flags only
 * required ones; removing needs a new version here).
 */
final class BreakingChanges {

  /** A schema constraint openapi-diff judges: its name, its change, its value on either side. */
  private record Constraint(
      String name, Function<ChangedSchema, Changed> change, Function<Schema<?>, Object> value) {}

  private static final List<Constraint> CONSTRAINTS =
      List.of(
          new Constraint("maxLength", ChangedSchema::getMaxLength, Schema::getMaxLength),
          new Constraint("minLength", ChangedSchema::getMinLength, Schema::getMinLength),
          new Constraint(
              "range",
              ChangedSchema::getNumericRange,
              s -> "[" + s.getMinimum() + ", " + s.getMaximum() + "]"),
          new Constraint("multipleOf", ChangedSchema::getMultipleOf, Schema::getMultipleOf),
          new Constraint("maxItems", ChangedSchema::getMaxItems, Schema::getMaxItems),
          new Constraint("minItems", ChangedSchema::getMinItems, Schema::getMinItems),
          new Constraint(
              "maxProperties", ChangedSchema::getMaxProperties, Schema::getMaxProperties),
          new Constraint(
              "minProperties", ChangedSchema::getMinProperties, Schema::getMinProperties),
          new Constraint("nullable", ChangedSchema::getNullable, Schema::getNullable),
          new Constraint("uniqueItems", ChangedSchema::getUniqueItems, Schema::getUniqueItems),
          new Constraint("pattern", ChangedSchema::getPattern, Schema::getPattern),
          new Constraint("readOnly", ChangedSchema::getReadOnly, Schema::getReadOnly),
          new Constraint("writeOnly", ChangedSchema::getWriteOnly, Schema::getWriteOnly));

  private final String operation;
  private final List<Breaking> found = new ArrayList<>();
  // A schema may refer to itself (a tree of categories): visit each changed schema once.
  private final Set<ChangedSchema> visited = Collections.newSetFromMap(new IdentityHashMap<>());

  private BreakingChanges(String operation) {
    this.operation = operation;
  }

  /** The breaking changes of {@code changed}, named as {@code operation} ("GET /v1/rides"). */
  static List<Breaking> of(String operation, ChangedOperation changed) {
    BreakingChanges walk = new BreakingChanges(operation);
    walk.parameters(changed.getParameters());
    if (changed.getRequestBody() != null) {
      if (changed.getRequestBody().isCoreChanged().isIncompatible()) {
        walk.add("request body", "", "made required", Origin.OPENAPI_DIFF);
      }
      walk.content("request body", changed.getRequestBody().getContent());
    }
    if (changed.getApiResponses() != null) {
      changed
          .getApiResponses()
          .getMissing()
          .keySet()
          .forEach(code -> walk.add("response " + code, "", "removed", Origin.OPENAPI_DIFF));
      changed
          .getApiResponses()
          .getChanged()
          .forEach(
              (code, response) -> {
                walk.headers("response " + code, response.getHeaders());
                walk.content("response " + code, response.getContent());
              });
    }
    if (changed.getSecurityRequirements() != null
        && changed.getSecurityRequirements().isCoreChanged().isIncompatible()) {
      walk.add("security", "", "a security requirement removed", Origin.OPENAPI_DIFF);
    }
    boolean listed = walk.found.stream().anyMatch(b -> b.origin() == Origin.OPENAPI_DIFF);
    if (changed.isIncompatible() && !listed) {
      walk.add(
          "operation",
          "",
          "incompatible (openapi-diff gives no detail Pyramid reads)",
          Origin.OPENAPI_DIFF);
    }
    return List.copyOf(walk.found);
  }

  private void parameters(ChangedParameters parameters) {
    if (parameters == null) {
      return;
    }
    if (parameters.isCoreChanged().isIncompatible()) {
      parameters.getMissing().forEach(p -> add(name(p), "", "removed", Origin.OPENAPI_DIFF));
      parameters.getIncreased().stream()
          .filter(p -> Boolean.TRUE.equals(p.getRequired()))
          .forEach(p -> add(name(p), "", "added as required", Origin.OPENAPI_DIFF));
    }
    for (ChangedParameter parameter : parameters.getChanged()) {
      String where = "parameter " + parameter.getName() + " (" + parameter.getIn() + ")";
      if (parameter.isCoreChanged().isIncompatible()) {
        List<String> what = new ArrayList<>();
        if (parameter.isChangeRequired()
            && !Boolean.TRUE.equals(parameter.getOldParameter().getRequired())) {
          what.add("made required");
        }
        if (parameter.isChangeStyle()) {
          what.add("style changed");
        }
        if (parameter.isChangeExplode()) {
          what.add("explode changed");
        }
        if (parameter.isChangeAllowEmptyValue()) {
          what.add("empty value no longer allowed");
        }
        add(where, "", what.isEmpty() ? "changed" : String.join(", ", what), Origin.OPENAPI_DIFF);
      }
      schema(where, "", parameter.getSchema());
      content(where, parameter.getContent());
    }
  }

  private void headers(String where, ChangedHeaders headers) {
    if (headers == null) {
      return;
    }
    if (headers.isCoreChanged().isIncompatible()) {
      headers
          .getMissing()
          .keySet()
          .forEach(h -> add(where + " header " + h, "", "removed", Origin.OPENAPI_DIFF));
    }
    headers
        .getChanged()
        .forEach(
            (name, header) -> {
              String at = where + " header " + name;
              if (header.isCoreChanged().isIncompatible()) {
                add(at, "", headerChange(header), Origin.OPENAPI_DIFF);
              }
              schema(at, "", header.getSchema());
              content(at, header.getContent());
            });
  }

  private static String headerChange(ChangedHeader header) {
    if (header.isRequired()) {
      return Boolean.TRUE.equals(header.getNewHeader().getRequired())
          ? "made required"
          : "no longer required";
    }
    return header.isExplode() ? "explode changed" : "style changed";
  }

  private void content(String where, ChangedContent content) {
    if (content == null) {
      return;
    }
    if (content.isCoreChanged().isIncompatible()) {
      content
          .getMissing()
          .keySet()
          .forEach(type -> add(where + " " + type, "", "media type removed", Origin.OPENAPI_DIFF));
    }
    content
        .getChanged()
        .forEach((type, media) -> schema(where + " " + type, "", media.getSchema()));
  }

  private void schema(String where, String field, ChangedSchema schema) {
    if (schema == null || !visited.add(schema)) {
      return;
    }
    boolean response = schema.getContext() != null && schema.getContext().isResponse();
    Schema<?> before = schema.getOldSchema();
    Schema<?> after = schema.getNewSchema();
    if (schema.isCoreChanged().isIncompatible()) {
      if (schema.isChangedType()) {
        add(
            where,
            field,
            "type changed from " + type(before) + " to " + type(after),
            Origin.OPENAPI_DIFF);
      } else if (schema.isDiscriminatorPropertyChanged()) {
        add(where, field, "discriminator changed", Origin.OPENAPI_DIFF);
      } else if (!response || before == null || after == null) {
        add(where, field, after == null ? "schema removed" : "schema changed", Origin.OPENAPI_DIFF);
      }
    }
    if (response) {
      // Pyramid's rule for optional properties; openapi-diff's core result covers required ones.
      List<String> required =
          before == null || before.getRequired() == null ? List.of() : before.getRequired();
      schema
          .getMissingProperties()
          .keySet()
          .forEach(
              name ->
                  add(
                      where,
                      join(field, name),
                      required.contains(name) ? "required property removed" : "property removed",
                      required.contains(name) ? Origin.OPENAPI_DIFF : Origin.PYRAMID));
    }
    required(where, field, schema);
    enumeration(where, field, schema.getEnumeration());
    constraints(where, field, schema);
    oneOf(where, field, schema.getOneOfSchema());
    schema(where, field.isEmpty() ? "[]" : field + "[]", schema.getItems());
    schema(where, join(field, "{additionalProperties}"), schema.getAddProp());
    schema.getChangedProperties().forEach((name, child) -> schema(where, join(field, name), child));
  }

  /** Properties made required in a request, or no longer required in a response. */
  private void required(String where, String field, ChangedSchema schema) {
    ChangedRequired required = schema.getRequired();
    if (required == null || !required.isIncompatible()) {
      return;
    }
    if (required.getContext().isResponse()) {
      required.getMissing().stream()
          .filter(name -> !schema.getMissingProperties().containsKey(name)) // listed as removed
          .forEach(
              name -> add(where, join(field, name), "no longer required", Origin.OPENAPI_DIFF));
    } else {
      required
          .getIncreased()
          .forEach(name -> add(where, join(field, name), "became required", Origin.OPENAPI_DIFF));
    }
  }

  /** Enum values a request may no longer send, or a response may now return. */
  private void enumeration(String where, String field, ChangedEnum<?> values) {
    if (values == null || !values.isIncompatible()) {
      return;
    }
    boolean response = values.getContext().isResponse();
    List<?> breaking = response ? values.getIncreased() : values.getMissing();
    add(
        where,
        field,
        (response ? "enum values added: " : "enum values removed: ")
            + breaking.stream().map(String::valueOf).collect(Collectors.joining(", ")),
        Origin.OPENAPI_DIFF);
  }

  private void constraints(String where, String field, ChangedSchema schema) {
    for (Constraint constraint : CONSTRAINTS) {
      Changed change = constraint.change().apply(schema);
      if (change != null && change.isIncompatible()) {
        add(
            where,
            field,
            constraint.name()
                + " changed from "
                + valueOf(schema.getOldSchema(), constraint.value())
                + " to "
                + valueOf(schema.getNewSchema(), constraint.value()),
            Origin.OPENAPI_DIFF);
      }
    }
  }

  private void oneOf(String where, String field, ChangedOneOfSchema oneOf) {
    if (oneOf == null) {
      return;
    }
    if (oneOf.isCoreChanged().isIncompatible()) {
      boolean response = oneOf.getContext().isResponse();
      add(
          where,
          field,
          response
              ? "oneOf alternative added: " + String.join(", ", oneOf.getIncreased().keySet())
              : "oneOf alternative removed: " + String.join(", ", oneOf.getMissing().keySet()),
          Origin.OPENAPI_DIFF);
    }
    oneOf.getChanged().forEach((name, child) -> schema(where, join(field, name), child));
  }

  private void add(String where, String field, String change, Origin origin) {
    found.add(new Breaking(operation, where, field, change, origin));
  }

  private static String name(Parameter parameter) {
    return "parameter " + parameter.getName() + " (" + parameter.getIn() + ")";
  }

  private static String join(String field, String name) {
    return field.isEmpty() ? name : field + "." + name;
  }

  private static String type(Schema<?> schema) {
    if (schema == null) {
      return "none";
    }
    return schema.getType() == null ? "unspecified" : schema.getType();
  }

  private static Object valueOf(Schema<?> schema, Function<Schema<?>, Object> value) {
    return schema == null ? "none" : value.apply(schema);
  }
}
