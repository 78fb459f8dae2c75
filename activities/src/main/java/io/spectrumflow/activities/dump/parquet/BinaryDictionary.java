package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;

/**
 * Numbers distinct byte strings in order of first appearance. Keys are copied into one arena, so a
 * dictionary of many small strings is a few arrays, not an object per entry.
 */
final class BinaryDictionary {

  private static final int INITIAL_SLOTS = 1024;
  private static final int INITIAL_ARENA = 16 * 1024;

  private byte[] arena = new byte[INITIAL_ARENA];
  private int arenaSize;
  private int[] offsets = new int[INITIAL_SLOTS / 4];
  private int[] lengths = new int[INITIAL_SLOTS / 4];
  private int[] hashes = new int[INITIAL_SLOTS / 4];
  private int[] slots = new int[INITIAL_SLOTS]; // id + 1; 0 marks a free slot
  private int size;
  private long plainBytes;

  int size() {
    return size;
  }

  /** The dictionary page's size: each entry as a 4-byte length and its bytes. */
  long plainBytes() {
    return plainBytes;
  }

  int idOf(byte[] bytes, int offset, int length) {
    int hash = hash(bytes, offset, length);
    int mask = slots.length - 1;
    int slot = hash & mask;
    while (true) {
      int id = slots[slot] - 1;
      if (id < 0) {
        return add(bytes, offset, length, hash, slot);
      }
      if (hashes[id] == hash
          && lengths[id] == length
          && ByteSlices.equal(arena, offsets[id], bytes, offset, length)) {
        return id;
      }
      slot = (slot + 1) & mask;
    }
  }

  private int add(byte[] bytes, int offset, int length, int hash, int slot) {
    if (arenaSize + length > arena.length) {
      arena = Arrays.copyOf(arena, Math.max(arenaSize + length, arena.length * 2));
    }
    System.arraycopy(bytes, offset, arena, arenaSize, length);
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
      lengths = Arrays.copyOf(lengths, size * 2);
      hashes = Arrays.copyOf(hashes, size * 2);
    }
    offsets[size] = arenaSize;
    lengths[size] = length;
    hashes[size] = hash;
    arenaSize += length;
    plainBytes += 4 + length;
    slots[slot] = size + 1;
    int id = size++;
    if (size * 2 > slots.length) {
      grow();
    }
    return id;
  }

  private void grow() {
    slots = new int[slots.length * 2];
    int mask = slots.length - 1;
    for (int id = 0; id < size; id++) {
      int slot = hashes[id] & mask;
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      slots[slot] = id + 1;
    }
  }

  /** Eight bytes at a time, then the rest; mixed so that the low bits depend on every byte. */
  private static int hash(byte[] bytes, int offset, int length) {
    long h = 0x9E37_79B9_7F4A_7C15L ^ length;
    int i = offset;
    int end = offset + length;
    for (; i + 8 <= end; i += 8) {
      h = (h ^ LittleEndian.getLong(bytes, i)) * 0xFF51_AFD7_ED55_8CCDL;
    }
    for (; i < end; i++) {
      h = (h ^ bytes[i]) * 0xC4CE_B9FE_1A85_EC53L;
    }
    h ^= h >>> 33;
    return (int) (h ^ (h >>> 29));
  }

  byte[] arena() {
    return arena;
  }

  int offset(int id) {
    return offsets[id];
  }

  int length(int id) {
    return lengths[id];
  }

  /** The plain size of the first {@code count} entries. */
  long plainBytes(int count) {
    if (count == size) {
      return plainBytes;
    }
    long bytes = 0;
    for (int id = 0; id < count; id++) {
      bytes += 4 + lengths[id];
    }
    return bytes;
  }

  /** Empties the dictionary; gives back the memory of a large one (it is per open file). */
  void clear() {
    if (slots.length > INITIAL_SLOTS * 16 || arena.length > INITIAL_ARENA * 16) {
      arena = new byte[INITIAL_ARENA];
      offsets = new int[INITIAL_SLOTS / 4];
      lengths = new int[INITIAL_SLOTS / 4];
      hashes = new int[INITIAL_SLOTS / 4];
      slots = new int[INITIAL_SLOTS];
    } else if (size > 0) {
      Arrays.fill(slots, 0);
    }
    size = 0;
    arenaSize = 0;
    plainBytes = 0;
  }
}
