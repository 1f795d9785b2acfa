package dev.pyramid.reporting.policy;

import dev.pyramid.reporting.conditions.Condition;
import dev.pyramid.reporting.results.Layer;
import dev.pyramid.reporting.results.Sources;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A promotion policy: the ordered path of stages, the result sources, and per lane (the default
 * lane, a hotfix lane) what each stage requires and the conditions it sets.
 *
 * @param source the file it was read from
 * @param path the stages in promotion order, e.g. dev, staging, production; every lane takes all of
 *     them
 * @param sources which result files belong to which layer
 * @param lanes by name; always holds {@value #DEFAULT_LANE}
 * @param deployed what {@code pyramid promote} keeps of a build for the stage it reaches
 * @param flags where the flag registry and the stages' flag files lie
 */
public record Policy(
    Path source,
    List<String> path,
    Sources sources,
    Map<String, Lane> lanes,
    Deployed deployed,
    Flags flags) {

  /** The lane a build takes unless it says otherwise. */
  public static final String DEFAULT_LANE = "default";

  public Policy {
    path = List.copyOf(path);
    lanes = Map.copyOf(lanes);
  }

  /** A policy that keeps nothing at promotion and names no flag files. */
  public Policy(Path source, List<String> path, Sources sources, Map<String, Lane> lanes) {
    this(source, path, sources, lanes, Deployed.NOTHING, Flags.NONE);
  }

  /**
   * The feature flag files the flag conditions and {@code pyramid deliver} read ({@code flags:}),
   * resolved against the policy file's folder.
   *
   * @param registry the flag registry (flagd format), if the policy names one
   * @param stages the folder of the stages' flag files, {@code <stage>.flagd.json}; empty when the
   *     policy names none
   */
  public record Flags(Optional<Path> registry, Optional<Path> stages) {
    /** No flag files. */
    public static final Flags NONE = new Flags(Optional.empty(), Optional.empty());

    /** The flag file of {@code stage}, where the policy keeps them. */
    public Optional<Path> stageFile(String stage) {
      return stages.map(folder -> folder.resolve(stage + ".flagd.json"));
    }
  }

  /**
   * What a stage runs, as {@code pyramid promote} keeps it for later candidates to be judged
   * against: globs, relative to the directory promote runs in, per kind of file.
   *
   * @param globs by kind, of {@link #KINDS}, in that order
   */
  public record Deployed(Map<String, List<String>> globs) {

    /** The kinds: the services' OpenAPI documents, their pacts, what starts them. */
    public static final List<String> KINDS = List.of("api", "pacts", "artifacts");

    /** Nothing is kept. */
    public static final Deployed NOTHING = new Deployed(Map.of());

    public Deployed {
      Map<String, List<String>> ordered = new java.util.LinkedHashMap<>();
      for (String kind : KINDS) {
        if (globs.containsKey(kind)) {
          ordered.put(kind, List.copyOf(globs.get(kind)));
        }
      }
      globs = java.util.Collections.unmodifiableMap(ordered);
    }
  }

  /** The lane named {@code name}, or empty when the policy has none of that name. */
  public Optional<Lane> lane(String name) {
    return Optional.ofNullable(lanes.get(name));
  }

  /** The stage before {@code stage} on the path, or empty for the first. */
  public Optional<String> previous(String stage) {
    int at = path.indexOf(stage);
    return at <= 0 ? Optional.empty() : Optional.of(path.get(at - 1));
  }

  /**
   * A lane: every stage of the path with its own requirements, and the score thresholds.
   *
   * @param score thresholds for the weighted (non-blocking) conditions
   */
  public record Lane(String name, Score score, Map<String, Stage> stages) {
    public Lane {
      stages = Map.copyOf(stages);
    }

    /** The stage named {@code name}, or empty when it is not on the promotion path. */
    public Optional<Stage> stage(String name) {
      return Optional.ofNullable(stages.get(name));
    }
  }

  /**
   * Score thresholds in percent of the weight of non-blocking conditions that pass: at least {@code
   * pass} promotes, at least {@code warn} needs manual approval, below blocks.
   */
  public record Score(double pass, double warn) {
    /** Any failing weighted condition asks for approval; none blocks on its own. */
    public static final Score DEFAULT = new Score(100, 0);
  }

  /**
   * A stage of the path, the layers whose evidence it requires, in policy order, and its
   * conditions.
   */
  public record Stage(String name, List<Layer> require, List<Condition> conditions) {
    public Stage {
      require = List.copyOf(require);
      conditions = List.copyOf(conditions);
    }
  }
}
