package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/** INT64 columns, timestamps in microseconds included. */
final class Int64ColumnWriter extends EightByteColumnWriter {

  private long min;
  private long max;

  Int64ColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered);
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
    addBits(value);
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
