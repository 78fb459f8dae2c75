package io.spectrumflow.activities.dump;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The partitions one pass over the input writes: at most {@code max} of them, tagged 0, 1, ... in
 * the order of their first row; rows of partitions written by an earlier pass are skipped, and rows
 * of further partitions are left to a later pass ({@link #deferred}).
 *
 * <p>Tags are given on the reading thread; writer threads look up a tag's partition after being
 * sent a batch that holds it, which the hand-off orders after the tag was given.
 */
final class PartitionGroup {

  static final int NOT_THIS_PASS = -1;

  private final String[] partitionOfTag;
  private final Map<String, Integer> tags = new HashMap<>();
  private final Set<String> writtenBefore;
  private boolean deferred;

  PartitionGroup(int max, Set<String> writtenBefore) {
    this.partitionOfTag = new String[max];
    this.writtenBefore = writtenBefore;
  }

  /** The partition's tag, or {@link #NOT_THIS_PASS}. */
  int tagOf(String partition) {
    Integer tag = tags.get(partition);
    if (tag != null) {
      return tag;
    }
    if (writtenBefore.contains(partition)) {
      return NOT_THIS_PASS;
    }
    if (tags.size() == partitionOfTag.length) {
      deferred = true;
      return NOT_THIS_PASS;
    }
    int next = tags.size();
    partitionOfTag[next] = partition;
    tags.put(partition, next);
    return next;
  }

  String partition(int tag) {
    return partitionOfTag[tag];
  }

  /** Whether rows of partitions beyond this group were skipped: another pass must write them. */
  boolean deferred() {
    return deferred;
  }

  List<String> partitions() {
    return List.copyOf(tags.keySet());
  }
}
