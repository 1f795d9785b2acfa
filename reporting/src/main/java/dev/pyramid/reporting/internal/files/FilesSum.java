package dev.pyramid.reporting.internal.files;

/**
 * An order-independent checksum of a stamp manifest's entries (path, SHA-256), kept in the stamp so
 * that a check needs neither the manifest nor a sorted list of the files it found: it adds up the
 * entries of those files, in any order and on any thread, and compares one value. Only when the
 * sums (or counts) differ is the manifest read, to name the files. The evidence collector adds up
 * each root's files as its readers hash them, so on the common path the check has nothing left to
 * add.
 *
 * <p>Each entry adds, to four 64-bit sums, a mix (the SplitMix64 finalizer) of one 64-bit word of
 * the file's SHA-256 (big-endian, as its hex digits read) with a 64-bit FNV-1a hash of its path, so
 * that changing, adding, removing or swapping the content of two files changes the sum. It stands
 * for the manifest against mistakes, not against someone who can rewrite the stamp (the stamp is
 * not signed; neither are the hashes it keeps). Not thread-safe: one per thread, then {@link
 * #add(FilesSum)}.
 */
public final class FilesSum {

  private static final long[] ODD = {
    0x9E3779B97F4A7C15L, 0xC2B2AE3D27D4EB4FL, 0x165667B19E3779F9L, 0xD6E8FEB86659FD93L
  };

  /** Hex digit values by character; the hashes are lowercase hex, checked where they are read. */
  private static final long[] HEX = new long[128];

  static {
    for (int digit = 0; digit < 16; digit++) {
      HEX[Character.forDigit(digit, 16)] = digit;
    }
  }

  private final long[] sums = new long[4];
  private int count;

  /**
   * Adds the entry of the file at {@code relative} whose SHA-256 is {@code sha256} (64 lowercase
   * hex digits).
   */
  public void add(String relative, String sha256) {
    long path = pathHash(relative);
    for (int word = 0; word < 4; word++) {
      long value = 0;
      for (int i = word * 16; i < word * 16 + 16; i++) {
        value = (value << 4) | HEX[sha256.charAt(i) & 0x7f];
      }
      sums[word] += mix(value + path * ODD[word]);
    }
    count++;
  }

  /**
   * Adds the entry of the file at {@code relative} whose SHA-256 is the 32 bytes {@code sha256}.
   */
  public void add(String relative, byte[] sha256) {
    long path = pathHash(relative);
    for (int word = 0; word < 4; word++) {
      long value = 0;
      for (int i = word * 8; i < word * 8 + 8; i++) {
        value = (value << 8) | (sha256[i] & 0xffL);
      }
      sums[word] += mix(value + path * ODD[word]);
    }
    count++;
  }

  /** Adds every entry {@code other} holds. */
  public void add(FilesSum other) {
    for (int word = 0; word < 4; word++) {
      sums[word] += other.sums[word];
    }
    count += other.count;
  }

  /** A new sum holding what this one holds. */
  public FilesSum copy() {
    FilesSum copy = new FilesSum();
    copy.add(this);
    return copy;
  }

  private static long pathHash(String relative) {
    long path = 0xcbf29ce484222325L;
    for (int i = 0; i < relative.length(); i++) {
      path = (path ^ relative.charAt(i)) * 0x100000001b3L;
    }
    return path;
  }

  private static long mix(long value) {
    long x = value;
    x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
    x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
    return x ^ (x >>> 31);
  }

  /** How many entries were added. */
  public int count() {
    return count;
  }

  /** The four sums as 64 lowercase hex digits. */
  public String hex() {
    return String.format("%016x%016x%016x%016x", sums[0], sums[1], sums[2], sums[3]);
  }
}
