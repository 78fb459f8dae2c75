package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * DOUBLE columns. The dictionary compares raw bits, so every value (-0.0, NaN payloads) is kept
 * exactly. NaN never comes from the dump's inputs; should one arrive, it is left out of min and max
 * and handed to parquet-mr's statistics as it is, which count it.
 */
final class DoubleColumnWriter extends EightByteColumnWriter {

  private double min;
  private double max;
  private boolean hasMinMax;
  private int nans;

  DoubleColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered);
  }

  @Override
  void append(ColumnVector vector, int row) throws IOException {
    ColumnVector.Doubles doubles = (ColumnVector.Doubles) vector;
    if (doubles.nulls[row]) {
      addNull();
    } else {
      add(doubles.values[row]);
    }
  }

  void add(double value) throws IOException {
    if (Double.isNaN(value)) {
      nans++;
    } else if (!hasMinMax) {
      min = value;
      max = value;
      hasMinMax = true;
    } else if (Double.compare(value, min) < 0) {
      min = value;
    } else if (Double.compare(value, max) > 0) {
      max = value;
    }
    addBits(Double.doubleToRawLongBits(value));
  }

  @Override
  Statistics<?> pageStatistics() {
    Statistics<?> stats = Statistics.createStats(type);
    if (hasMinMax) {
      stats.updateStats(min);
      stats.updateStats(max);
    }
    for (int i = 0; i < nans; i++) {
      stats.updateStats(Double.NaN);
    }
    return stats;
  }

  @Override
  void resetPage() {
    hasMinMax = false;
    nans = 0;
  }
}
