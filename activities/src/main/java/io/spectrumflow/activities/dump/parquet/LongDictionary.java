package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;

/**
 * Numbers distinct 64-bit values in order of first appearance (INT64 values, or a double's raw
 * bits): open addressing with linear probing, no boxing.
 */
final class LongDictionary {

  private static final int INITIAL_SLOTS = 1024;

  private long[] keys = new long[INITIAL_SLOTS];
  private int[] ids = new int[INITIAL_SLOTS]; // id + 1; 0 marks a free slot
  private long[] entries = new long[INITIAL_SLOTS / 4];
  private int size;

  int size() {
    return size;
  }

  /** The value's id, added if new. */
  int idOf(long value) {
    int mask = keys.length - 1;
    int slot = hash(value) & mask;
    while (true) {
      int id = ids[slot];
      if (id == 0) {
        return add(value, slot);
      }
      if (keys[slot] == value) {
        return id - 1;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(long value, int slot) {
    keys[slot] = value;
    ids[slot] = size + 1;
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, size * 2);
    }
    entries[size] = value;
    int id = size++;
    if (size * 2 > keys.length) {
      grow();
    }
    return id;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldIds = ids;
    keys = new long[oldKeys.length * 2];
    ids = new int[oldIds.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldIds[i] != 0) {
        int slot = hash(oldKeys[i]) & mask;
        while (ids[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        ids[slot] = oldIds[i];
      }
    }
  }

  private static int hash(long value) {
    long h = value * 0x9E37_79B9_7F4A_7C15L;
    return (int) (h ^ (h >>> 32));
  }

  long entry(int id) {
    return entries[id];
  }

  /** Empties the dictionary; gives back the memory of a large one (it is per open file). */
  void clear() {
    if (keys.length > INITIAL_SLOTS * 16) {
      keys = new long[INITIAL_SLOTS];
      ids = new int[INITIAL_SLOTS];
      entries = new long[INITIAL_SLOTS / 4];
    } else if (size > 0) {
      Arrays.fill(ids, 0);
    }
    size = 0;
  }
}
