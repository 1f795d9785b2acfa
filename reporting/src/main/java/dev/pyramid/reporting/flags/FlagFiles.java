package dev.pyramid.reporting.flags;

import dev.pyramid.flags.FlagFileException;
import dev.pyramid.flags.FlagRegistry;
import dev.pyramid.flags.StageFlags;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The feature flag files a policy names ({@code flags:} in the policy), read and checked: the
 * registry, and the flag file of each stage of the promotion path that has one, each against the
 * registry. The flag conditions judge the build's evaluations against them; a file that cannot be
 * used stops the gate (exit 3), naming the file, the line, the flag and the fix: a gate that
 * ignored it would judge flags nobody can vouch for.
 *
 * @param registry empty when the policy names none
 * @param stages by stage, in path order: those whose file exists
 */
public record FlagFiles(Optional<FlagRegistry> registry, Map<String, StageFlags> stages) {

  /** No flag files: the policy names none. */
  public static final FlagFiles NONE = new FlagFiles(Optional.empty(), Map.of());

  public FlagFiles {
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }

  /**
   * Reads the registry in {@code registryFile} and the flag files of {@code stageFiles} (by stage,
   * in path order) that exist.
   *
   * @throws FlagFileException for the first file that is missing (the registry) or invalid
   */
  public static FlagFiles load(Optional<Path> registryFile, Map<String, Path> stageFiles)
      throws FlagFileException {
    if (registryFile.isEmpty()) {
      return NONE;
    }
    FlagRegistry registry = FlagRegistry.read(registryFile.get());
    Map<String, StageFlags> stages = new LinkedHashMap<>();
    for (Map.Entry<String, Path> stage : stageFiles.entrySet()) {
      if (Files.exists(stage.getValue())) {
        stages.put(stage.getKey(), StageFlags.read(stage.getKey(), stage.getValue(), registry));
      }
    }
    return new FlagFiles(Optional.of(registry), stages);
  }

  /** The flags {@code stage} runs, if its file exists. */
  public Optional<StageFlags> stage(String stage) {
    return Optional.ofNullable(stages.get(stage));
  }
}
