package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveComparator;

/**
 * INT96 timestamps from epoch microseconds: 12 bytes, the nanoseconds of the day as a little-endian
 * int64, then the Julian day number as a little-endian int32 (proleptic Gregorian, as for INT64
 * timestamps). Plain values are the 12 bytes without a length. Statistics go through parquet-mr's
 * INT96 ordering, as its own writer does (its footer then leaves min and max out).
 */
final class Int96ColumnWriter extends ColumnWriter {

  static final int SIZE = 12;

  /** The Julian day number of 1970-01-01. */
  static final long EPOCH_JULIAN_DAY = 2_440_588;

  private static final long MICROS_PER_DAY = 86_400_000_000L;

  private final byte[] data = new byte[SIZE * PAGE_ROWS];
  private final BinaryDictionary dictionary = new BinaryDictionary();

  Int96ColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
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

  void add(long epochMicros) throws IOException {
    long epochDay = Math.floorDiv(epochMicros, MICROS_PER_DAY);
    long microOfDay = Math.floorMod(epochMicros, MICROS_PER_DAY);
    int at = SIZE * pageValues;
    LittleEndian.putLong(data, at, microOfDay * 1000);
    LittleEndian.putInt(data, at + 8, Math.toIntExact(epochDay + EPOCH_JULIAN_DAY));
    valueAdded(SIZE);
  }

  @Override
  boolean lookUpIds(int[] ids) {
    for (int i = 0; i < pageValues; i++) {
      ids[i] = dictionary.idOf(data, SIZE * i, SIZE);
      if (dictionary.size() > MAX_DICTIONARY_BYTES / SIZE) {
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
    return (long) SIZE * entries;
  }

  @Override
  void writeDictionary(ByteSink out, int entries) {
    for (int id = 0; id < entries; id++) {
      out.writeBytes(dictionary.arena(), dictionary.offset(id), SIZE);
    }
  }

  @Override
  void clearDictionary() {
    dictionary.clear();
  }

  @Override
  void writePlain(ByteSink out) {
    out.writeBytes(data, 0, SIZE * pageValues);
  }

  @Override
  Statistics<?> pageStatistics() {
    Statistics<?> stats = Statistics.createStats(type);
    if (pageValues == 0) {
      return stats;
    }
    PrimitiveComparator<Binary> order = type.comparator();
    Binary min = value(0);
    Binary max = min;
    for (int i = 1; i < pageValues; i++) {
      Binary v = value(i);
      if (order.compare(v, min) < 0) {
        min = v;
      } else if (order.compare(v, max) > 0) {
        max = v;
      }
    }
    stats.updateStats(min);
    stats.updateStats(max);
    return stats;
  }

  private Binary value(int i) {
    return Binary.fromConstantByteArray(Arrays.copyOfRange(data, SIZE * i, SIZE * (i + 1)));
  }

  @Override
  void resetPage() {}
}
