package dev.pyramid.reporting.results;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What the gate says of a path a result glob matched that is not a regular file: it is never
 * opened, and never followed.
 *
 * <p>A named pipe, a socket or a device is not evidence, and opening one can block for ever (a pipe
 * with no writer). A symbolic link is refused wherever it points: outside its result root it would
 * bring in a file that no stamp of the root covers; inside, the file it points to would be read
 * twice when a glob matches it too, and a stamp lists regular files only. The stamp's walk leaves
 * all of these out as well, so the stamp check has nothing to say of them: this refusal is the one
 * message. Thread-safe.
 */
final class NonRegularFile {

  /** The file type bits of a Unix mode ({@code S_IFMT}) and the types among them. */
  private static final int TYPE = 0170000;

  private static final int FIFO = 0010000;
  private static final int CHARACTER_DEVICE = 0020000;
  private static final int BLOCK_DEVICE = 0060000;
  private static final int SOCKET = 0140000;

  private NonRegularFile() {}

  /**
   * Why {@code path}, whose attributes (links not followed) are {@code attributes}, is not read;
   * null when it is a regular file.
   *
   * @param root the result root it was found under, to say whether a link leaves it; null when not
   *     known
   */
  static String refusal(Path path, BasicFileAttributes attributes, Path root) {
    if (attributes.isRegularFile()) {
      return null;
    }
    if (attributes.isSymbolicLink()) {
      return symbolicLink(path, root);
    }
    if (attributes.isDirectory()) {
      return "a directory, where a result file glob expects a file: narrow the glob";
    }
    return kind(path)
        + ", not a regular file: not opened (a result file is a regular file; reading this one"
        + " could wait for ever)";
  }

  /** A FIFO, socket or device, by its Unix mode where the platform tells it. */
  private static String kind(Path path) {
    int mode;
    try {
      mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      mode = 0; // no "unix" attribute view here, or the file is gone: said without the kind
    }
    return switch (mode & TYPE) {
      case FIFO -> "a named pipe (FIFO)";
      case SOCKET -> "a socket";
      case CHARACTER_DEVICE -> "a character device";
      case BLOCK_DEVICE -> "a block device";
      default -> "a named pipe, socket or device";
    };
  }

  private static String symbolicLink(Path link, Path root) {
    Path written;
    try {
      written = Files.readSymbolicLink(link);
    } catch (IOException e) {
      return "a symbolic link (its target cannot be read: " + e.getMessage() + "): not followed";
    }
    Path target = link.resolveSibling(written).normalize();
    boolean exists = true;
    try {
      target = link.toRealPath();
    } catch (IOException e) {
      exists = false; // dangling, or a loop: said of the target as written
    }
    String to =
        "a symbolic link to "
            + written
            + (written.equals(target) ? "" : " (" + target + ")")
            + (exists ? "" : ", which does not exist");
    if (root == null) {
      return to + ": not followed; the gate reads regular files only";
    }
    if (!target.startsWith(root) && !target.startsWith(realPath(root))) {
      return to
          + ", outside the result root "
          + root
          + ": not followed; the gate reads only the regular files under a root (copy the file"
          + " into the root before stamping it)";
    }
    return to
        + ", inside the result root: not followed; the gate reads regular files only (the file"
        + " it points to is read where it lies when a glob matches it; replace the link by a copy"
        + " or narrow the glob)";
  }

  /** {@code root} with its own links resolved (say /tmp through /private/tmp), else as it is. */
  private static Path realPath(Path root) {
    try {
      return root.toRealPath();
    } catch (IOException e) {
      return root;
    }
  }
}
