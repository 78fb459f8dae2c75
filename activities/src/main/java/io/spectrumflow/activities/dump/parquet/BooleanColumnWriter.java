package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/** BOOLEAN columns: plain only (bit-packed), as parquet-mr writes them. */
final class BooleanColumnWriter extends ColumnWriter {

  private final boolean[] values = new boolean[PAGE_ROWS];
  private boolean sawFalse;
  private boolean sawTrue;

  BooleanColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered, false);
  }

  @Override
  void append(ColumnVector vector, int row) throws IOException {
    ColumnVector.Booleans booleans = (ColumnVector.Booleans) vector;
    if (booleans.nulls[row]) {
      addNull();
    } else {
      add(booleans.values[row]);
    }
  }

  void add(boolean value) throws IOException {
    if (value) {
      sawTrue = true;
    } else {
      sawFalse = true;
    }
    values[pageValues] = value;
    // A bit each; counted as a byte per 8 values for the page size.
    valueAdded((pageValues & 7) == 0 ? 1 : 0);
  }

  @Override
  boolean lookUpIds(int[] ids) {
    return false;
  }

  @Override
  int dictionarySize() {
    return 0;
  }

  @Override
  long dictionaryPlainBytes(int entries) {
    return 0;
  }

  @Override
  void writeDictionary(ByteSink out, int entries) {
    throw new IllegalStateException("booleans have no dictionary");
  }

  @Override
  void clearDictionary() {}

  /** One bit per value, least significant first, the last byte padded with zeros. */
  @Override
  void writePlain(ByteSink out) {
    int at = out.reserve((pageValues + 7) / 8);
    byte[] bytes = out.array();
    for (int i = 0; i < pageValues; i += 8) {
      int b = 0;
      for (int j = 0; j < 8 && i + j < pageValues; j++) {
        if (values[i + j]) {
          b |= 1 << j;
        }
      }
      bytes[at++] = (byte) b;
    }
  }

  @Override
  Statistics<?> pageStatistics() {
    Statistics<?> stats = Statistics.createStats(type);
    if (sawFalse) {
      stats.updateStats(false);
    }
    if (sawTrue) {
      stats.updateStats(true);
    }
    return stats;
  }

  @Override
  void resetPage() {
    sawFalse = false;
    sawTrue = false;
  }
}
