package dev.pyramid.reporting.cli;

import dev.pyramid.reporting.results.Layer;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * Parses {@code --layers unit,e2e}; {@code all} (the default) means the whole stage, an empty list.
 */
final class LayerList implements CommandLine.ITypeConverter<List<Layer>> {

  @Override
  public List<Layer> convert(String value) {
    List<Layer> layers = new ArrayList<>();
    for (String name : value.split(",")) {
      String trimmed = name.strip();
      if (trimmed.equalsIgnoreCase("all")) {
        return List.of();
      }
      Layer layer =
          Layer.byId(trimmed)
              .orElseThrow(
                  () ->
                      new CommandLine.TypeConversionException(
                          "unknown layer \""
                              + trimmed
                              + "\"; use unit, contract, e2e, ui, perf or all"));
      if (!layers.contains(layer)) {
        layers.add(layer);
      }
    }
    return List.copyOf(layers);
  }
}
