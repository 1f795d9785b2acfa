package dev.pyramid.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Allure 2 commandline from its zip, unpacked without a network, and the history folder a
 * level's reports share.
 */
final class AllureCommandline {

  private AllureCommandline() {}

  /**
   * Unpacks {@code zip} into {@code into} unless a previous run did, and returns the commandline's
   * home (the zip's one top folder, {@code allure-VERSION}, holding bin/allure).
   */
  static Path unpack(Path zip, Path into) throws IOException {
    Path home = null;
    Path marker = into.resolve(".unpacked-from");
    String stampOfZip = zip.getFileName() + " " + Files.getLastModifiedTime(zip).toMillis();
    if (Files.isRegularFile(marker)) {
      String[] kept = Files.readString(marker).split("\n", 2);
      if (kept.length == 2 && kept[0].equals(stampOfZip)) {
        Path previous = into.resolve(kept[1].strip());
        if (Files.isRegularFile(previous.resolve("bin").resolve("allure"))) {
          return previous;
        }
      }
    }
    Files.createDirectories(into);
    try (InputStream in = Files.newInputStream(zip);
        ZipInputStream entries = new ZipInputStream(in)) {
      for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
        Path target = into.resolve(entry.getName()).normalize();
        if (!target.startsWith(into)) {
          throw new IOException("zip entry outside the folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
          continue;
        }
        Files.createDirectories(target.getParent());
        Files.copy(entries, target, StandardCopyOption.REPLACE_EXISTING);
        Path relative = into.relativize(target);
        if (relative.getNameCount() == 3 && relative.getName(1).toString().equals("bin")) {
          target.toFile().setExecutable(true, false);
          if (relative.getFileName().toString().equals("allure")) {
            home = into.resolve(relative.getName(0));
          }
        }
      }
    }
    if (home == null) {
      throw new IOException("no */bin/allure in " + zip);
    }
    Files.writeString(marker, stampOfZip + "\n" + home.getFileName());
    return home;
  }

  /**
   * Moves a history kept before levels had folders of their own (files right in {@code base}, all
   * of whole-pyramid runs until then) into {@code base/all}, once, so that the pyramid's trend goes
   * on.
   */
  static void keepEarlierHistory(Path base) throws IOException {
    if (!Files.isDirectory(base) || Files.exists(base.resolve("all"))) {
      return;
    }
    List<Path> files;
    try (Stream<Path> listed = Files.list(base)) {
      files = listed.filter(Files::isRegularFile).toList();
    }
    if (files.isEmpty()) {
      return;
    }
    Path all = Files.createDirectories(base.resolve("all"));
    for (Path file : files) {
      Files.move(file, all.resolve(file.getFileName()));
    }
  }

  /**
   * Removes the previous report's {@code history/} when {@code levelHistory} holds nothing yet:
   * pyramid's report falls back to it then, and it may be another level's (a contract run after the
   * whole pyramid's would start its trend at 334 tests). The report folder is generated anew
   * anyway.
   */
  static void forgetOtherLevels(Path report, Path levelHistory) throws IOException {
    if (hasFiles(levelHistory)) {
      return;
    }
    Path previous = report.resolve("history");
    if (Files.isDirectory(previous)) {
      try (Stream<Path> listed = Files.list(previous)) {
        for (Path file : (Iterable<Path>) listed.filter(Files::isRegularFile)::iterator) {
          Files.delete(file);
        }
      }
    }
  }

  private static boolean hasFiles(Path directory) throws IOException {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> listed = Files.list(directory)) {
      return listed.anyMatch(Files::isRegularFile);
    }
  }

  /**
   * The history folder of one level under {@code base}: {@code all} for the whole pyramid, else the
   * level's layers joined by {@code +} (e.g. {@code contract}, {@code unit+e2e}), so that a level
   * run's 16 tests never follow the whole pyramid's 334 in one trend.
   */
  static Path historyOf(Path base, String level) {
    String key = level == null || level.isBlank() ? "all" : level.strip().toLowerCase(Locale.ROOT);
    key = String.join("+", key.split("\\s*,\\s*"));
    if (key.isEmpty() || key.contains("all")) {
      key = "all";
    }
    return base.resolve(key);
  }
}
