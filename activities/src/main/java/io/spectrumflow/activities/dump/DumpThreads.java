package io.spectrumflow.activities.dump;

/**
 * How many threads a dump uses: one reads, parses and encodes rows; the others write files (page
 * encoding, compression, disk), each owning some of the open partitions. With one thread, the same
 * thread does both in turn. The files do not depend on the number.
 *
 * @param total threads in all, at least 1
 */
public record DumpThreads(int total) {

  /** More writers than open partitions would idle; a few cover most machines' spare cores. */
  private static final int MAX = 1 + WritePass.MAX_OPEN_FILES;

  public DumpThreads {
    if (total < 1) {
      throw new IllegalArgumentException("a dump needs at least one thread, not " + total);
    }
    total = Math.min(total, MAX);
  }

  /** As many as the machine has cores. */
  public static DumpThreads available() {
    return new DumpThreads(Runtime.getRuntime().availableProcessors());
  }

  /** Writer threads (or, with one thread in all, the one writer the reading thread calls). */
  int writers() {
    return Math.max(1, total - 1);
  }
}
