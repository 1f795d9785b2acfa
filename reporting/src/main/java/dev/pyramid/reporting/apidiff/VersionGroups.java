package dev.pyramid.reporting.apidiff;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a document into one document per path version, so that {@code /v1/...} is compared only
 * with {@code /v1/...}: openapi-diff itself knows no versions, and would report {@code /v2/rides}
 * beside {@code /v1/rides} as one endpoint added and, once v1 goes, one removed.
 *
 * <p>A path's version is its first segment that the pattern matches whole ({@code v\d+} by default:
 * {@code /v2/rides} and {@code /fleet/v2/rides} are both {@code v2}); paths with no such segment
 * form one group of their own, {@link ApiDiffReport#UNVERSIONED}.
 */
final class VersionGroups {

  /**
   * Unversioned first, then by the version's number where it has one ({@code v2} before {@code
   * v10}).
   */
  static final Comparator<String> ORDER =
      Comparator.comparing((String v) -> !v.equals(ApiDiffReport.UNVERSIONED))
          .thenComparing(v -> v.replaceAll("\\D", "").length())
          .thenComparing(v -> v.replaceAll("\\D", ""))
          .thenComparing(Comparator.naturalOrder());

  private VersionGroups() {}

  /** One document per version, sharing {@code api}'s components, in {@link #ORDER}. */
  static Map<String, OpenAPI> split(OpenAPI api, Pattern version) {
    Map<String, OpenAPI> groups = new TreeMap<>(ORDER);
    Paths paths = api.getPaths() == null ? new Paths() : api.getPaths();
    for (Map.Entry<String, PathItem> path : paths.entrySet()) {
      groups
          .computeIfAbsent(versionOf(path.getKey(), version), v -> copyWithoutPaths(api))
          .getPaths()
          .addPathItem(path.getKey(), path.getValue());
    }
    return groups;
  }

  /** The version segment of {@code path}, or {@link ApiDiffReport#UNVERSIONED}. */
  static String versionOf(String path, Pattern version) {
    for (String segment : path.split("/")) {
      Matcher matcher = version.matcher(segment);
      if (!segment.isEmpty() && matcher.matches()) {
        return segment;
      }
    }
    return ApiDiffReport.UNVERSIONED;
  }

  /**
   * Everything but the paths. openapi-diff moves document-wide security onto each operation and
   * clears the document's (its {@code preProcess}), so each copy gets its own list.
   */
  private static OpenAPI copyWithoutPaths(OpenAPI api) {
    OpenAPI copy = new OpenAPI();
    copy.setOpenapi(api.getOpenapi());
    copy.setInfo(api.getInfo());
    copy.setServers(api.getServers());
    copy.setComponents(api.getComponents());
    copy.setSecurity(api.getSecurity() == null ? null : new ArrayList<>(api.getSecurity()));
    copy.setTags(api.getTags());
    copy.setExternalDocs(api.getExternalDocs());
    copy.setExtensions(api.getExtensions());
    copy.setPaths(new Paths());
    return copy;
  }
}
