package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.column.ColumnDescriptor;

/**
 * Columns of 8-byte values (INT64 and DOUBLE): the page's values as their 64 bits, a dictionary of
 * those bits, and both encodings; subclasses keep their own statistics.
 */
abstract sealed class EightByteColumnWriter extends ColumnWriter
    permits Int64ColumnWriter, DoubleColumnWriter {

  private final long[] bits = new long[PAGE_ROWS];
  private final LongDictionary dictionary = new LongDictionary();

  EightByteColumnWriter(ColumnDescriptor descriptor, PageScratch scratch, BufferedBytes buffered) {
    super(descriptor, scratch, buffered, true);
  }

  /** Adds a value as its bits, after the subclass took it into its statistics. */
  final void addBits(long value) throws IOException {
    bits[pageValues] = value;
    valueAdded(8);
  }

  @Override
  final boolean lookUpIds(int[] ids) {
    for (int i = 0; i < pageValues; i++) {
      ids[i] = dictionary.idOf(bits[i]);
      if (dictionary.size() > MAX_DICTIONARY_BYTES / 8) {
        return false;
      }
    }
    return true;
  }

  @Override
  final int dictionarySize() {
    return dictionary.size();
  }

  @Override
  final long dictionaryPlainBytes(int entries) {
    return 8L * entries;
  }

  @Override
  final void writeDictionary(ByteSink out, int entries) {
    int at = out.reserve(8 * entries);
    byte[] bytes = out.array();
    for (int id = 0; id < entries; id++, at += 8) {
      LittleEndian.putLong(bytes, at, dictionary.entry(id));
    }
  }

  @Override
  final void clearDictionary() {
    dictionary.clear();
  }

  @Override
  final void writePlain(ByteSink out) {
    int at = out.reserve(8 * pageValues);
    byte[] bytes = out.array();
    for (int i = 0; i < pageValues; i++, at += 8) {
      LittleEndian.putLong(bytes, at, bits[i]);
    }
  }
}
