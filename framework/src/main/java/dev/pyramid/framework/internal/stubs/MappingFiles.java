package dev.pyramid.framework.internal.stubs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.github.tomakehurst.wiremock.common.ClasspathFileSource;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.TextFile;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappingCollection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Reads WireMock mapping files (the JSON of WireMock's {@code mappings} folder: one stub, or {@code
 * {"mappings": [...]}}) from a folder on the classpath.
 *
 * <p>A folder that holds a {@code mappings} sub-folder is read as a WireMock root directory, so the
 * same folder serves a standalone WireMock ({@code --root-dir}) and the in-process server. Every
 * stub read gets a fresh id: the same files may be loaded by several tests at once, and each must
 * be able to remove exactly its own copy.
 *
 * <p>Internal: not part of Pyramid's public API.
 */
public final class MappingFiles {
  private MappingFiles() {}

  /**
   * The stubs of every {@code .json} file under {@code folder}, in file-name order.
   *
   * @throws IllegalArgumentException when the folder is missing, holds no mapping file, or a file
   *     is not a WireMock mapping; the message names the file, the line and the fix
   */
  public static List<StubMapping> read(String folder) {
    String path = trimSlashes(folder);
    ClasspathFileSource source = new ClasspathFileSource(path);
    if (!source.exists()) {
      throw new IllegalArgumentException(
          "Stub files: no folder 'classpath:"
              + path
              + "'. Fix: put WireMock mapping JSON files under"
              + " src/test/resources/"
              + path
              + " (or its mappings/ sub-folder), or correct the name.");
    }
    ClasspathFileSource mappings = (ClasspathFileSource) source.child("mappings");
    if (mappings.exists()) {
      source = mappings;
    }
    List<TextFile> files =
        new ArrayList<>(
            source.listFilesRecursively().stream()
                .filter(file -> file.getPath().endsWith(".json"))
                .toList());
    files.sort(Comparator.comparing(TextFile::getPath));
    if (files.isEmpty()) {
      throw new IllegalArgumentException(
          "Stub files: 'classpath:"
              + path
              + "' holds no .json mapping file. Fix: add one, such as"
              + " {\"request\":{\"method\":\"GET\",\"urlPath\":\"/v1/eta\"},\"response\":{\"status\":200}}.");
    }
    List<StubMapping> stubs = new ArrayList<>();
    for (TextFile file : files) {
      stubs.addAll(parse(file.getPath(), file.readContentsAsString()));
    }
    return stubs;
  }

  /** The stubs of one mapping file's text; {@code name} is only for messages. */
  public static List<StubMapping> parse(String name, String json) {
    StubMappingCollection collection;
    try {
      collection = Json.getObjectMapper().readValue(json, StubMappingCollection.class);
    } catch (JsonMappingException e) {
      throw new IllegalArgumentException(
          where(name, e)
              + "is not a WireMock mapping: "
              + e.getOriginalMessage()
              + ". Fix: see WireMock's stub JSON format (request, response).",
          e);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          where(name, e) + "is not valid JSON: " + e.getOriginalMessage(), e);
    }
    List<StubMapping> stubs = new ArrayList<>();
    for (StubMapping stub : collection.getMappingOrMappings()) {
      if (stub.getRequest() == null || stub.getResponse() == null) {
        throw new IllegalArgumentException(
            "Stub file "
                + name
                + ": a mapping without \"request\" or \"response\". Fix: give each mapping both.");
      }
      // Copy through JSON: the collection's stubs must not share state with anything else.
      StubMapping copy = Json.read(Json.write(stub), StubMapping.class);
      copy.setId(UUID.randomUUID());
      stubs.add(copy);
    }
    return stubs;
  }

  private static String where(String name, JsonProcessingException e) {
    return e.getLocation() == null
        ? "Stub file " + name + " "
        : "Stub file " + name + " line " + e.getLocation().getLineNr() + " ";
  }

  private static String trimSlashes(String folder) {
    String path = folder == null ? "" : folder.trim();
    while (path.startsWith("/")) {
      path = path.substring(1);
    }
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException(
          "Stub files: an empty folder name. Fix: name a classpath folder such as stubs/routing.");
    }
    return path;
  }
}
