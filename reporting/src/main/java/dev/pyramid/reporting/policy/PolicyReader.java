package dev.pyramid.reporting.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.conditions.ConditionKinds;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.Sources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads {@code quality-gate.yml} strictly: an unknown key, a wrong type or an impossible value is a
 * {@link PolicyException} naming the file, the line and the key. Thread-safe.
 *
 * <p>Condition keys, their values and their layers are those of {@link ConditionKinds}; the format
 * is documented in the comments of the project's own {@code quality-gate.yml} and by {@code pyramid
 * policy --explain}.
 */
public final class PolicyReader {

  /** The one policy format version this reader understands. */
  public static final int VERSION = 1;

  /**
   * Reads one condition as a stage's {@code conditions} list holds it, e.g. {@code { layer: e2e,
   * max-skipped: 0 }}, with the checks of a policy file, for a stage that requires {@code require}.
   */
  public Condition readCondition(String condition, List<Layer> require) throws PolicyException {
    Path source = Path.of("condition");
    YamlLines.Parsed parsed = YamlLines.parse(source, condition);
    JsonNode node = parsed.root() == null ? NullNode.getInstance() : parsed.root();
    return new ConditionReader(new PolicyNodes(source, parsed.lines()))
        .condition("condition", node, require);
  }

  /** Reads and checks the policy in {@code file}. */
  public Policy read(Path file) throws PolicyException {
    String text;
    try {
      text = Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new PolicyException(file, 0, "", "no such policy file", e);
    } catch (IOException e) {
      throw new PolicyException(file, 0, "", "cannot read: " + e.getMessage(), e);
    }
    YamlLines.Parsed parsed = YamlLines.parse(file, text);
    YamlLines lines = parsed.lines();
    JsonNode root = parsed.root();
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new PolicyException(file, 1, "", "the policy file is empty");
    }
    PolicyNodes nodes = new PolicyNodes(file, lines);
    return new Checker(nodes, new ConditionReader(nodes)).policy(root);
  }

  /** Turns the YAML tree into a policy, or names the first problem. */
  private record Checker(PolicyNodes nodes, ConditionReader conditionReader) {

    Policy policy(JsonNode root) throws PolicyException {
      nodes.object(
          root, "", Set.of("version", "promotion", "sources", "lanes", "deployed", "flags"));
      JsonNode version = nodes.required(root, "version", "write \"version: " + VERSION + "\"");
      if (!version.isInt() || version.asInt() != VERSION) {
        throw nodes.error(
            "version",
            "version " + version + " is not supported; this gate reads version " + VERSION);
      }
      JsonNode promotion = nodes.required(root, "promotion", "give promotion.path");
      nodes.object(promotion, "promotion", Set.of("path"));
      List<String> path =
          nodes.strings(
              nodes.required(promotion, "promotion.path", "list the stages in order"),
              "promotion.path");
      if (path.isEmpty()) {
        throw nodes.error(
            "promotion.path",
            "empty; list the stages in promotion order, e.g. [dev, staging, production]");
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < path.size(); i++) {
        if (!seen.add(path.get(i))) {
          throw nodes.error(
              "promotion.path[" + i + "]", "stage \"" + path.get(i) + "\" is listed twice");
        }
      }
      Sources sources = sources(root.get("sources"));
      JsonNode lanesNode =
          nodes.required(root, "lanes", "give at least lanes." + Policy.DEFAULT_LANE);
      nodes.object(lanesNode, "lanes", null);
      Map<String, Policy.Lane> lanes = new HashMap<>();
      for (Map.Entry<String, JsonNode> lane : lanesNode.properties()) {
        lanes.put(lane.getKey(), lane(lane.getKey(), lane.getValue(), path));
      }
      if (!lanes.containsKey(Policy.DEFAULT_LANE)) {
        throw nodes.error(
            "lanes", "no \"" + Policy.DEFAULT_LANE + "\" lane; every policy needs one");
      }
      return new Policy(
          nodes.file(),
          path,
          sources,
          lanes,
          deployed(root.get("deployed")),
          flags(root.get("flags")));
    }

    /**
     * {@code flags:} the registry and the folder of the stages' flag files, relative to the
     * policy's folder; none when absent. The files are read by the gate, not here.
     */
    private Policy.Flags flags(JsonNode node) throws PolicyException {
      if (node == null || node.isNull()) {
        return Policy.Flags.NONE;
      }
      nodes.object(node, "flags", Set.of("registry", "stages"));
      JsonNode registry =
          nodes.required(
              node, "flags.registry", "give the flag registry, e.g. flags/registry.flagd.json");
      Path folder = nodes.file().toAbsolutePath().getParent();
      Path registryFile = folder.resolve(nodes.text(registry, "flags.registry")).normalize();
      Optional<Path> stages = Optional.empty();
      if (node.has("stages")) {
        stages =
            Optional.of(folder.resolve(nodes.text(node.get("stages"), "flags.stages")).normalize());
      }
      return new Policy.Flags(Optional.of(registryFile), stages);
    }

    /** {@code deployed:} its kinds, each a list of valid globs; nothing kept when absent. */
    private Policy.Deployed deployed(JsonNode node) throws PolicyException {
      if (node == null || node.isNull()) {
        return Policy.Deployed.NOTHING;
      }
      nodes.object(node, "deployed", Set.copyOf(Policy.Deployed.KINDS));
      Map<String, List<String>> globs = new HashMap<>();
      for (Map.Entry<String, JsonNode> kind : node.properties()) {
        String key = "deployed." + kind.getKey();
        List<String> given = nodes.strings(kind.getValue(), key);
        for (String glob : given) {
          java.util.Optional<String> invalid =
              dev.pyramid.reporting.internal.files.FileGlob.invalid(glob);
          if (invalid.isPresent()) {
            throw nodes.error(key, "\"" + glob + "\" is not a valid glob: " + invalid.get());
          }
        }
        globs.put(kind.getKey(), given);
      }
      return new Policy.Deployed(globs);
    }

    private Policy.Lane lane(String name, JsonNode lane, List<String> path) throws PolicyException {
      String key = "lanes." + name;
      nodes.object(lane, key, Set.of("score", "stages"));
      Policy.Score score = Policy.Score.DEFAULT;
      if (lane.has("score")) {
        JsonNode node = lane.get("score");
        nodes.object(node, key + ".score", Set.of("pass", "warn"));
        double pass =
            nodes.percent(
                nodes.required(node, key + ".score.pass", "give pass: 0..100"),
                key + ".score.pass");
        double warn =
            nodes.percent(
                nodes.required(node, key + ".score.warn", "give warn: 0..100"),
                key + ".score.warn");
        if (warn > pass) {
          throw nodes.error(
              key + ".score.warn",
              "warn (" + warn + ") is above pass (" + pass + "); warn must be <= pass");
        }
        score = new Policy.Score(pass, warn);
      }
      JsonNode stagesNode =
          nodes.required(lane, key + ".stages", "every stage on the promotion path needs an entry");
      nodes.object(stagesNode, key + ".stages", null);
      for (Iterator<String> it = stagesNode.fieldNames(); it.hasNext(); ) {
        String stage = it.next();
        if (!path.contains(stage)) {
          throw nodes.error(
              key + ".stages." + stage,
              "stage \"" + stage + "\" is not on the promotion path " + path);
        }
      }
      Map<String, Policy.Stage> stages = new HashMap<>();
      for (String stage : path) {
        if (!stagesNode.has(stage)) {
          throw nodes.error(
              key + ".stages",
              "stage \""
                  + stage
                  + "\" is on the promotion path but not in lane \""
                  + name
                  + "\": every lane takes every stage, none is skipped");
        }
        stages.put(stage, stage(key + ".stages." + stage, stage, stagesNode.get(stage)));
      }
      return new Policy.Lane(name, score, stages);
    }

    private Policy.Stage stage(String key, String name, JsonNode stage) throws PolicyException {
      nodes.object(stage, key, Set.of("require", "conditions"));
      List<String> names =
          nodes.strings(
              nodes.required(stage, key + ".require", "list the layers this stage requires"),
              key + ".require");
      List<Layer> require = new ArrayList<>();
      for (int i = 0; i < names.size(); i++) {
        Layer layer = nodes.layer(key + ".require[" + i + "]", names.get(i));
        if (require.contains(layer)) {
          throw nodes.error(key + ".require[" + i + "]", "layer \"" + layer + "\" is listed twice");
        }
        require.add(layer);
      }
      List<Condition> conditions = new ArrayList<>();
      JsonNode list = stage.get("conditions");
      if (list != null && !list.isNull()) {
        if (!list.isArray()) {
          throw nodes.error(
              key + ".conditions", "must be a list of conditions, is " + PolicyNodes.type(list));
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
          String at = key + ".conditions[" + i + "]";
          Condition condition = conditionReader.condition(at, list.get(i), require);
          if (!ids.add(condition.id())) {
            throw nodes.error(
                at,
                "condition id \""
                    + condition.id()
                    + "\" is used twice in this stage; give one an id");
          }
          conditions.add(condition);
        }
      }
      return new Policy.Stage(name, require, conditions);
    }

    private Sources sources(JsonNode node) throws PolicyException {
      Sources defaults = Sources.defaults();
      if (node == null || node.isNull()) {
        return defaults;
      }
      nodes.object(
          node,
          "sources",
          Arrays.stream(Layer.values()).map(Layer::id).collect(Collectors.toSet()));
      Map<Layer, Sources.LayerSources> layers = new EnumMap<>(Layer.class);
      for (Layer layer : Layer.values()) {
        Sources.LayerSources of = defaults.of(layer);
        JsonNode given = node.get(layer.id());
        if (given != null) {
          String key = "sources." + layer.id();
          List<String> kinds = dev.pyramid.reporting.results.EvidenceReaders.keys();
          nodes.object(given, key, Set.copyOf(kinds));
          for (String source : kinds) {
            if (given.has(source)) {
              of = of.with(source, nodes.strings(given.get(source), key + "." + source));
            }
          }
          for (String glob : of.all()) {
            java.util.Optional<String> invalid =
                dev.pyramid.reporting.internal.files.FileGlob.invalid(glob);
            if (invalid.isPresent()) {
              throw nodes.error(key, "\"" + glob + "\" is not a valid glob: " + invalid.get());
            }
          }
        }
        layers.put(layer, of);
      }
      return new Sources(layers);
    }
  }
}
