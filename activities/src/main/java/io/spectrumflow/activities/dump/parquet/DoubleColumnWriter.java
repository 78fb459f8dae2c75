package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;

/**
 * DOUBLE columns. The dictionary compares raw bits, so every value (-0.0, NaN payloads) is kept
 * exactly. NaN never comes from the dump's inputs; should one arrive, it is left out of min and max
 * and handed to parquet-mr's statistics as it is, which count it.
 */
final class DoubleColumnWriter extends ColumnWriter {

  private final double[] values = new double[PAGE_ROWS];
  private final LongDictionary dictionary = new LongDictionary();
  private double min;
  private double max;
  private boolean hasMinMax;
  private int nans;

  DoubleColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered, true);
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
    values[pageValues] = value;
    valueAdded(8);
  }

  @Override
  boolean lookUpIds(int[] ids) {
    for (int i = 0; i < pageValues; i++) {
      ids[i] = dictionary.idOf(Double.doubleToRawLongBits(values[i]));
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
      LittleEndian.putLong(bytes, at, Double.doubleToRawLongBits(values[i]));
    }
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
