package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/** INT64 columns, timestamps in microseconds included. */
final class Int64ColumnWriter extends ColumnWriter {

  private final long[] values = new long[PAGE_ROWS];
  private final LongDictionary dictionary = new LongDictionary();
  private long min;
  private long max;

  Int64ColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered, true);
  }

  @Override
  void append(ColumnVector vector, int row) throws IOException {
    ColumnVector.Longs longs = (ColumnVector.Longs) vector;
    if (longs.nulls[row]) {
      addNull();
    } else {
      add(longs.values[row]);
    }
  }

  void add(long value) throws IOException {
    if (pageValues == 0) {
      min = value;
      max = value;
    } else if (value < min) {
      min = value;
    } else if (value > max) {
      max = value;
    }
    values[pageValues] = value;
    valueAdded(8);
  }

  @Override
  boolean lookUpIds(int[] ids) {
    for (int i = 0; i < pageValues; i++) {
      ids[i] = dictionary.idOf(values[i]);
      if (dictionary.size() > MAX_DICTIONARY_BYTES / 8) {
        return false;
      }
    }
    return true;
  }

  @Override
  int dictionarySize() {
    return dictionary.size();
  }

  @Override
  long dictionaryPlainBytes(int entries) {
    return 8L * entries;
  }

  @Override
  void writeDictionary(ByteSink out, int entries) {
    int at = out.reserve(8 * entries);
    byte[] bytes = out.array();
    for (int id = 0; id < entries; id++, at += 8) {
      LittleEndian.putLong(bytes, at, dictionary.entry(id));
    }
  }

  @Override
  void clearDictionary() {
    dictionary.clear();
  }

  @Override
  void writePlain(ByteSink out) {
    int at = out.reserve(8 * pageValues);
    byte[] bytes = out.array();
    for (int i = 0; i < pageValues; i++, at += 8) {
      LittleEndian.putLong(bytes, at, values[i]);
    }
  }

  @Override
  Statistics<?> pageStatistics() {
    Statistics<?> stats = Statistics.createStats(type);
    if (pageValues > 0) {
      stats.updateStats(min);
      stats.updateStats(max);
    }
    return stats;
  }

  @Override
  void resetPage() {}
}
