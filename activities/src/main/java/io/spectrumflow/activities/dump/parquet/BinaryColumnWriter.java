package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.io.api.Binary;

/**
 * BINARY (STRING) columns. Values are copied into one page array; min and max are tracked by
 * position and compared as unsigned bytes, which is UTF-8's code point order and parquet-mr's
 * ordering for strings.
 */
final class BinaryColumnWriter extends ColumnWriter {

  private byte[] data = new byte[64 * 1024];
  private int dataSize;
  private final int[] offsets = new int[PAGE_ROWS];
  private final int[] lengths = new int[PAGE_ROWS];
  private final BinaryDictionary dictionary = new BinaryDictionary();
  private int min;
  private int max;

  BinaryColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered, true);
  }

  @Override
  void append(ColumnVector vector, int row) throws IOException {
    ColumnVector.Bytes bytes = (ColumnVector.Bytes) vector;
    if (bytes.nulls[row]) {
      addNull();
    } else {
      add(bytes.data, bytes.offsets[row], bytes.lengths[row]);
    }
  }

  void add(byte[] bytes, int offset, int length) throws IOException {
    if (dataSize + length > data.length) {
      data = Arrays.copyOf(data, Math.max(dataSize + length, data.length * 2));
    }
    System.arraycopy(bytes, offset, data, dataSize, length);
    int i = pageValues;
    offsets[i] = dataSize;
    lengths[i] = length;
    dataSize += length;
    if (i == 0) {
      min = 0;
      max = 0;
    } else if (compare(i, min) < 0) {
      min = i;
    } else if (compare(i, max) > 0) {
      max = i;
    }
    valueAdded(4 + length);
  }

  private int compare(int a, int b) {
    return ByteSlices.compareUnsigned(data, offsets[a], lengths[a], data, offsets[b], lengths[b]);
  }

  @Override
  boolean lookUpIds(int[] ids) {
    for (int i = 0; i < pageValues; i++) {
      ids[i] = dictionary.idOf(data, offsets[i], lengths[i]);
      if (dictionary.plainBytes() > MAX_DICTIONARY_BYTES) {
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
    return dictionary.plainBytes(entries);
  }

  @Override
  void writeDictionary(ByteSink out, int entries) {
    for (int id = 0; id < entries; id++) {
      out.writeIntLittleEndian(dictionary.length(id));
      out.writeBytes(dictionary.arena(), dictionary.offset(id), dictionary.length(id));
    }
  }

  @Override
  void clearDictionary() {
    dictionary.clear();
  }

  @Override
  void writePlain(ByteSink out) {
    for (int i = 0; i < pageValues; i++) {
      out.writeIntLittleEndian(lengths[i]);
      out.writeBytes(data, offsets[i], lengths[i]);
    }
  }

  @Override
  Statistics<?> pageStatistics() {
    Statistics<?> stats = Statistics.createStats(type);
    if (pageValues > 0) {
      stats.updateStats(value(min));
      stats.updateStats(value(max));
    }
    return stats;
  }

  /** A copy: statistics keep the values they are given. */
  private Binary value(int i) {
    return Binary.fromConstantByteArray(
        Arrays.copyOfRange(data, offsets[i], offsets[i] + lengths[i]));
  }

  @Override
  void resetPage() {
    dataSize = 0;
  }
}
