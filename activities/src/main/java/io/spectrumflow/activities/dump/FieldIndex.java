package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnNames;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers the distinct field names of a batch (slots, in order of first appearance) and knows each
 * one's column, or that it has none (a field a given schema leaves out).
 *
 * <p>Records of one batch usually list their fields in the same order, so the slot found at each
 * position is remembered and reused when the same name comes again there. The check is by identity:
 * Jackson interns field names and a CSV header's names are the same strings on every row; any other
 * string falls back to the map.
 */
final class FieldIndex {

  /** Decides the column of a field name seen for the first time. */
  interface ColumnAssigner {
    /** The column index, or {@link #NO_COLUMN}. */
    int columnFor(String fieldName);
  }

  static final int NO_COLUMN = -1;

  private final ColumnAssigner assigner;
  private final String partitionField;
  private final Map<String, Integer> slotsByName = new HashMap<>();
  private int[] columnBySlot = new int[16];
  private boolean[] partitionBySlot = new boolean[16];
  private int slotCount;
  private String[] lastNameAt = new String[16];
  private int[] lastSlotAt = new int[16];

  /**
   * @param partitionField the field whose value chooses the partition, by its name in the input or
   *     its column name; or null
   */
  FieldIndex(ColumnAssigner assigner, String partitionField) {
    this.assigner = assigner;
    this.partitionField = partitionField;
  }

  /** The slot of the field named {@code name} at {@code position} in a record. */
  int slotAt(int position, String name) {
    if (position < lastNameAt.length && lastNameAt[position] == name) {
      return lastSlotAt[position];
    }
    int slot = slotOf(name);
    if (position >= lastNameAt.length) {
      int capacity = Math.max(position + 1, lastNameAt.length * 2);
      lastNameAt = Arrays.copyOf(lastNameAt, capacity);
      lastSlotAt = Arrays.copyOf(lastSlotAt, capacity);
    }
    lastNameAt[position] = name;
    lastSlotAt[position] = slot;
    return slot;
  }

  private int slotOf(String name) {
    Integer known = slotsByName.get(name);
    if (known != null) {
      return known;
    }
    int slot = slotCount++;
    if (slot == columnBySlot.length) {
      columnBySlot = Arrays.copyOf(columnBySlot, slot * 2);
      partitionBySlot = Arrays.copyOf(partitionBySlot, slot * 2);
    }
    columnBySlot[slot] = assigner.columnFor(name);
    // The partition field may be named as in the input ("Event Time") or as its column
    // ("event_time"), which is how the rest of the configuration names fields.
    partitionBySlot[slot] =
        partitionField != null
            && (name.equals(partitionField)
                || ColumnNames.sanitize(name, 0).equals(partitionField));
    slotsByName.put(name, slot);
    return slot;
  }

  int columnOf(int slot) {
    return columnBySlot[slot];
  }

  boolean isPartitionField(int slot) {
    return partitionBySlot[slot];
  }

  int slotCount() {
    return slotCount;
  }
}
