package dev.pyramid.reporting.stamp;

import dev.pyramid.reporting.internal.files.FileGlob;
import dev.pyramid.reporting.internal.files.FilesSum;
import dev.pyramid.reporting.internal.files.RootFiles;
import dev.pyramid.reporting.results.CollectedEvidence;
import dev.pyramid.reporting.results.Evidence;
import dev.pyramid.reporting.results.FilesFound;
import dev.pyramid.reporting.results.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Checks result roots against their stamps ({@link StampFormat}).
 *
 * <p>A check refuses: a root without a stamp, a stamp for another commit or build, a covered file
 * whose hash changed, a manifest file that is gone, a covered file that is not in the manifest
 * (added after stamping, or left out as stale), a manifest that no longer has the hash the stamp
 * holds. It first compares the {@link FilesSum} of the files found with the stamp's; only when they
 * differ does it read the manifest, to name each file. Thread-safe.
 */
public final class StampCheck {

  private StampCheck() {}

  /**
   * Checks {@code root} against {@code expected} (see the class comment for what is refused): walks
   * the root and hashes every covered file.
   */
  public static RootCheck check(Path root, BuildIdentity expected) {
    return check(load(root), expected, null);
  }

  /**
   * A root's stamp read ahead of the check, which it does not depend on (the gate reads it while
   * the evidence is collected).
   *
   * @param root the root as given
   * @param stamp the stamp; empty when there is none or it is unreadable
   * @param error why the stamp is unreadable; null when it was read or there is none
   */
  public record Loaded(Path root, Optional<Stamp> stamp, IOException error) {}

  /** Reads {@code root}'s stamp; never throws: an unreadable stamp is a {@link Loaded#error()}. */
  public static Loaded load(Path root) {
    try {
      return new Loaded(root, StampFormat.read(root.toAbsolutePath().normalize()), null);
    } catch (IOException e) {
      return new Loaded(root, Optional.empty(), e);
    }
  }

  /**
   * Checks the root whose stamp was {@link #load loaded} against {@code expected}, with what the
   * evidence collector found under it, so that no file is listed or hashed twice; and names the
   * evidence read under the root that its stamp does not cover.
   *
   * @param collected what was collected from the roots, this one among them; null to walk the root
   *     and hash its files here, and to leave the coverage check out
   */
  public static RootCheck check(
      Loaded loaded, BuildIdentity expected, CollectedEvidence collected) {
    Evidence evidence = collected == null ? null : collected.evidence();
    FilesFound found = collected == null ? FilesFound.NONE : collected.files();
    Path root = loaded.root();
    Path normalized = root.toAbsolutePath().normalize();
    Optional<Stamp> stamp = loaded.stamp();
    if (loaded.error() != null) {
      return new RootCheck(
          normalized,
          Optional.empty(),
          List.of(
              new Problem(
                  normalized.resolve(Stamp.FILE),
                  "unreadable stamp: " + loaded.error().getMessage())));
    }
    if (stamp.isEmpty()) {
      return new RootCheck(
          normalized,
          stamp,
          List.of(
              new Problem(
                  normalized,
                  "unstamped result root: no "
                      + Stamp.FILE
                      + "; run `pyramid stamp --dir "
                      + root
                      + " --commit SHA --build-id ID` right after the results are written")));
    }
    Stamp stamped = stamp.get();
    List<Problem> problems = new ArrayList<>();
    if (!stamped.build().equals(expected)) {
      problems.add(
          new Problem(
              normalized.resolve(Stamp.FILE),
              "stamped for another build ("
                  + stamped.build()
                  + "), this decision is for "
                  + expected));
    } else {
      RootFiles files = found.roots().get(normalized);
      if (files != null && stamped.include().contains("**")) {
        problems.addAll(checkCollected(normalized, stamped, files, found.digests()));
      } else {
        problems.addAll(checkFiles(normalized, stamped, files, found.digests()));
      }
    }
    if (evidence != null) {
      problems.addAll(notCovered(normalized, stamped, evidence, found.runDirectories()));
    }
    return new RootCheck(normalized, stamp, problems);
  }

  /**
   * A root whose stamp covers every file, checked from what the collector found: the {@link
   * FilesSum} its readers added up, plus the files it did not hash, hashed here. The manifest is
   * read only when they do not add up to the stamp.
   */
  private static List<Problem> checkCollected(
      Path root, Stamp stamp, RootFiles files, Map<Path, String> digests) {
    Map<Path, String> unhashed = hashes(files.unhashed(), Map.of());
    List<Problem> problems = cannotRead(files.unhashed(), unhashed);
    if (!problems.isEmpty()) {
      return problems;
    }
    FilesSum total = files.hashed().copy();
    for (Path file : files.unhashed()) {
      total.add(StampFormat.relative(root, file), unhashed.get(file));
    }
    if (total.count() == stamp.files() && total.hex().equals(stamp.filesSum())) {
      return List.of();
    }
    Map<Path, String> hashes = new HashMap<>(digests);
    hashes.putAll(unhashed);
    return compareWithManifest(root, stamp, files.files(), hashes);
  }

  /**
   * A root checked file by file: the covered files (of those the collector found, else of a walk
   * here), hashed unless {@code digests} has them, added up and compared with the stamp, then with
   * the manifest when they do not add up.
   */
  private static List<Problem> checkFiles(
      Path root, Stamp stamp, RootFiles found, Map<Path, String> digests) {
    List<Path> covered;
    try {
      covered =
          found == null
              ? StampFormat.covered(root, stamp.include())
              : StampFormat.covered(root, stamp.include(), found.files());
    } catch (IOException e) {
      return List.of(new Problem(root, "cannot search: " + e.getMessage()));
    }
    Map<Path, String> hashes = hashes(covered, digests);
    List<Problem> problems = cannotRead(covered, hashes);
    if (problems.isEmpty() && !sumsUp(root, covered, hashes, stamp)) {
      problems.addAll(compareWithManifest(root, stamp, covered, hashes));
    }
    return problems;
  }

  /**
   * Each covered file that could not be read (it has no hash), named: the sums cannot be compared.
   * The hashes may hold other roots' files too, so their number says nothing.
   */
  private static List<Problem> cannotRead(List<Path> covered, Map<Path, String> hashes) {
    List<Problem> problems = new ArrayList<>();
    for (Path file : covered) {
      if (!hashes.containsKey(file)) {
        problems.add(new Problem(file, "cannot read to check its hash"));
      }
    }
    return problems;
  }

  /**
   * The SHA-256 of every covered file: the collector's, else read here (on every core); a file that
   * cannot be read is left out.
   */
  private static Map<Path, String> hashes(List<Path> covered, Map<Path, String> digests) {
    List<Path> unread = new ArrayList<>();
    for (Path file : covered) {
      if (!digests.containsKey(file)) {
        unread.add(file);
      }
    }
    if (unread.isEmpty()) {
      return digests;
    }
    Map<Path, String> hashes = new HashMap<>(digests);
    unread.parallelStream()
        .map(
            file -> {
              try {
                return Map.entry(file, StampFormat.sha256(file));
              } catch (IOException e) {
                return null;
              }
            })
        .filter(Objects::nonNull)
        .toList()
        .forEach(entry -> hashes.put(entry.getKey(), entry.getValue()));
    return hashes;
  }

  /**
   * True when the covered files are the stamp's manifest: as many, with the same {@link FilesSum}.
   */
  private static boolean sumsUp(
      Path root, List<Path> covered, Map<Path, String> hashes, Stamp stamp) {
    if (covered.size() != stamp.files()) {
      return false;
    }
    int chunk = 4096;
    FilesSum total =
        IntStream.range(0, (covered.size() + chunk - 1) / chunk)
            .parallel()
            .mapToObj(
                c -> {
                  FilesSum sum = new FilesSum();
                  for (Path file :
                      covered.subList(c * chunk, Math.min(covered.size(), (c + 1) * chunk))) {
                    sum.add(StampFormat.relative(root, file), hashes.get(file));
                  }
                  return sum;
                })
            .collect(
                FilesSum::new,
                FilesSum::add,
                FilesSum::add); // a mutable reduction: a FilesSum per thread
    return total.hex().equals(stamp.filesSum());
  }

  /**
   * The files that differ from the manifest, by name: changed, added, stale or removed; the
   * manifest itself when it cannot be read, or when it no longer adds up to the stamp's sum (edited
   * after stamping).
   */
  private static List<Problem> compareWithManifest(
      Path root, Stamp stamp, List<Path> covered, Map<Path, String> hashes) {
    Path manifestFile = root.resolve(Stamp.MANIFEST);
    Map<String, String> manifest;
    String manifestSha256;
    try {
      manifestSha256 = StampFormat.sha256(manifestFile);
      manifest = StampFormat.readManifest(root);
    } catch (IOException e) {
      return List.of(
          new Problem(
              manifestFile,
              "unreadable manifest: "
                  + e.getMessage()
                  + "; the files cannot be checked: stamp the results again"));
    }
    List<Problem> problems = new ArrayList<>();
    if (!manifestSha256.equals(stamp.manifestSha256())) {
      problems.add(
          new Problem(
              manifestFile,
              "edited after stamping: its SHA-256 is no longer the manifestSha256 in "
                  + Stamp.FILE));
    }
    Set<String> stale = new HashSet<>(stamp.stale());
    Set<String> present = new HashSet<>(covered.size() * 2);
    for (Path file : covered) {
      String name = StampFormat.relative(root, file);
      present.add(name);
      String stamped = manifest.get(name);
      String hash = hashes.get(file);
      if (stamped == null) {
        problems.add(
            new Problem(
                file,
                stale.contains(name)
                    ? "older than the build that stamped the root: a result of an earlier build"
                    : "added after stamping: not in the stamp's manifest"));
      } else if (!stamped.equals(hash)) {
        problems.add(
            new Problem(file, "changed after stamping: SHA-256 " + hash + ", stamped " + stamped));
      }
    }
    manifest.keySet().stream()
        .filter(name -> !present.contains(name))
        .sorted()
        .forEach(
            name ->
                problems.add(
                    new Problem(
                        root.resolve(name),
                        "removed after stamping: in the stamp's manifest, no longer there")));
    if (problems.isEmpty()) {
      // Every file is as the manifest says, yet the sums differ: the stamp itself was edited.
      problems.add(
          new Problem(
              root.resolve(Stamp.FILE),
              "edited after stamping: its files or filesSum no longer " + "match its manifest"));
    }
    return problems;
  }

  /**
   * Evidence files under a checked root that its stamp does not cover (its include globs are
   * narrower than the policy's sources). A Gatling run directory is covered by its {@code
   * index.html}. Each is named once, though several layers may read it.
   */
  private static List<Problem> notCovered(
      Path root, Stamp stamp, Evidence evidence, Set<Path> runs) {
    List<Problem> problems = new ArrayList<>();
    if (stamp.include().contains("**")) {
      // Every regular file is covered; only a run directory without its index.html is not.
      for (Path run : new TreeSet<>(runs)) {
        Path index = run.resolve("index.html").toAbsolutePath().normalize();
        if (index.startsWith(root) && !Files.isRegularFile(index)) {
          problems.add(notCoveredProblem(root, stamp, index));
        }
      }
      return problems;
    }
    List<FileGlob> globs = StampFormat.globs(stamp.include());
    Set<Path> named = new HashSet<>();
    for (Path source : evidence.sources()) {
      boolean run = runs.contains(source);
      Path file = (run ? source.resolve("index.html") : source).toAbsolutePath().normalize();
      if (!file.startsWith(root) || (run && !Files.exists(file)) || named.contains(file)) {
        continue;
      }
      if (!StampFormat.coveredBy(globs, StampFormat.relative(root, file))) {
        named.add(file);
        problems.add(notCoveredProblem(root, stamp, file));
      }
    }
    return problems;
  }

  private static Problem notCoveredProblem(Path root, Stamp stamp, Path file) {
    return new Problem(
        file,
        "read as evidence but not covered by the stamp of "
            + root
            + " (its include globs: "
            + stamp.include()
            + ")");
  }
}
