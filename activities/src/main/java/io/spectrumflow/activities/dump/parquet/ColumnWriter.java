package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Writes one optional column of one file: buffers a page of values, encodes and compresses it when
 * it is full, and keeps the compressed pages until the row group ends.
 *
 * <p>Dictionary encoding follows parquet-mr's rules: a chunk starts with a dictionary; if the first
 * page would not be smaller with it (dictionary included) than plain, or once the dictionary
 * outgrows {@value #MAX_DICTIONARY_BYTES} bytes, the rest of the chunk is plain and the dictionary
 * page holds only the entries earlier pages use. Unlike parquet-mr, ids are looked up once per page
 * in one loop rather than per value as it arrives, and a column whose first page did not pay off is
 * not tried again in the file's later row groups.
 */
public abstract sealed class ColumnWriter
    permits EightByteColumnWriter, BooleanColumnWriter, BinaryColumnWriter, Int96ColumnWriter {

  /** Rows per page at most, as parquet-mr's default page row count limit. */
  static final int PAGE_ROWS = 20_000;

  /** Plain value bytes per page at most, as parquet-mr's default page size. */
  static final int PAGE_BYTES = 1 << 20;

  /** parquet-mr's default dictionary page size limit. */
  static final int MAX_DICTIONARY_BYTES = 1 << 20;

  final PrimitiveType type;
  private final ColumnDescriptor descriptor;
  private final PageCompressor compressor;
  private final ByteSink page;
  private final int[] ids;
  private final boolean dictionaryAllowed;
  private final BufferedBytes buffered;

  /** Definition levels of the page's rows (1 value, 0 null), encoded when the page ends. */
  private final byte[] defined = new byte[PAGE_ROWS];

  /** Values and nulls in the current page. */
  int pageRows;

  /** Values (not nulls) in the current page. */
  int pageValues;

  /** The current page's values, plain encoded. */
  long pagePlainBytes;

  private final List<EncodedPage> pages = new ArrayList<>();
  private long chunkRows;
  private long chunkCompressedBytes;
  private boolean dictionaryActive;
  private boolean firstPage = true;

  /** The last chunk's first page did not pay off with a dictionary: the next chunk goes plain. */
  private boolean dictionaryDeclined;

  private int dictionaryEntriesUsed;

  ColumnWriter(
      ColumnDescriptor descriptor,
      PageScratch scratch,
      BufferedBytes buffered,
      boolean dictionaryAllowed) {
    this.descriptor = descriptor;
    this.buffered = buffered;
    this.page = scratch.page;
    this.ids = scratch.ids;
    this.type = descriptor.getPrimitiveType();
    this.compressor = scratch.compressor;
    this.dictionaryAllowed = dictionaryAllowed;
    this.dictionaryActive = dictionaryAllowed;
  }

  static ColumnWriter of(
      ColumnDescriptor descriptor, ParquetKind kind, PageScratch scratch, BufferedBytes buffered) {
    return switch (kind) {
      case INT64, TIMESTAMP_MICROS -> new Int64ColumnWriter(descriptor, scratch, buffered);
      case DOUBLE -> new DoubleColumnWriter(descriptor, scratch, buffered);
      case BOOLEAN -> new BooleanColumnWriter(descriptor, scratch, buffered);
      case STRING -> new BinaryColumnWriter(descriptor, scratch, buffered);
      case INT96 -> new Int96ColumnWriter(descriptor, scratch, buffered);
    };
  }

  /** Adds row {@code row} of {@code vector}, which is of this column's kind. */
  abstract void append(ColumnVector vector, int row) throws IOException;

  final void addNull() throws IOException {
    defined[pageRows] = 0;
    if (++pageRows >= PAGE_ROWS) {
      endPage();
    }
  }

  /** Called by a subclass after it has stored a value of {@code plainBytes} bytes. */
  final void valueAdded(int plainBytes) throws IOException {
    defined[pageRows] = 1;
    pageValues++;
    pagePlainBytes += plainBytes;
    buffered.add(plainBytes);
    if (++pageRows >= PAGE_ROWS || pagePlainBytes >= PAGE_BYTES) {
      endPage();
    }
  }

  @SuppressWarnings("deprecation") // PLAIN_DICTIONARY: see ColumnChunk
  private void endPage() throws IOException {
    if (pageRows == 0) {
      return;
    }
    page.reset();
    writeDefinitionLevels();
    Encoding encoding = Encoding.PLAIN;
    if (dictionaryActive && writeDictionaryIds()) {
      encoding = Encoding.PLAIN_DICTIONARY;
      dictionaryEntriesUsed = dictionarySize();
    } else {
      dictionaryActive = false;
      writePlain(page);
    }
    Statistics<?> stats = pageStatistics();
    stats.incrementNumNulls(pageRows - pageValues);
    byte[] compressed = compressor.compress(page.array(), page.size());
    pages.add(new EncodedPage(compressed, page.size(), pageRows, encoding, stats));
    chunkRows += pageRows;
    chunkCompressedBytes += compressed.length;
    buffered.add(compressed.length - pagePlainBytes);
    firstPage = false;
    pageRows = 0;
    pageValues = 0;
    pagePlainBytes = 0;
    resetPage();
  }

  /**
   * The page's definition levels, RLE/bit-packed with a 4-byte length in front (V1 pages). A page
   * without nulls, the usual case, is one run of 1s, written as such without looking at each row.
   */
  private void writeDefinitionLevels() {
    int lengthAt = page.reserve(4);
    int start = page.size();
    if (pageValues == pageRows) {
      RleBitPackedEncoder.writeRun(page, pageRows, 1, 1);
    } else {
      RleBitPackedEncoder levels = new RleBitPackedEncoder(1, page);
      for (int i = 0; i < pageRows; i++) {
        levels.write(defined[i]);
      }
      levels.finish();
    }
    LittleEndian.putInt(page.array(), lengthAt, page.size() - start);
  }

  /**
   * Appends the page's values as dictionary ids; false, with nothing appended, when the dictionary
   * does not fit or (on the chunk's first page) does not pay off.
   */
  private boolean writeDictionaryIds() {
    if (!lookUpIds(ids) || dictionaryPlainBytes(dictionarySize()) > MAX_DICTIONARY_BYTES) {
      return false;
    }
    int start = page.size();
    int bitWidth = RleBitPackedEncoder.bitWidthFor(Math.max(dictionarySize() - 1, 0));
    page.writeByte(bitWidth);
    RleBitPackedEncoder encoder = new RleBitPackedEncoder(bitWidth, page);
    for (int i = 0; i < pageValues; i++) {
      encoder.write(ids[i]);
    }
    encoder.finish();
    long encoded = page.size() - start;
    if (firstPage && encoded + dictionaryPlainBytes(dictionarySize()) >= pagePlainBytes) {
      dictionaryDeclined = pageValues > 0; // a page of nulls says nothing about the values
      page.truncate(start);
      clearDictionary(); // no page uses it: its memory goes back now, not at the chunk's end
      return false;
    }
    return true;
  }

  /** Ends the row group's chunk: its pages, and the dictionary page if any page uses it. */
  final ColumnChunk finishChunk() throws IOException {
    endPage();
    EncodedDictionary dictionary = null;
    if (dictionaryEntriesUsed > 0) {
      ByteSink plain = new ByteSink((int) dictionaryPlainBytes(dictionaryEntriesUsed));
      writeDictionary(plain, dictionaryEntriesUsed);
      dictionary =
          new EncodedDictionary(
              compressor.compress(plain.array(), plain.size()),
              plain.size(),
              dictionaryEntriesUsed);
    }
    ColumnChunk chunk = new ColumnChunk(descriptor, chunkRows, dictionary, List.copyOf(pages));
    pages.clear();
    chunkRows = 0;
    buffered.add(-chunkCompressedBytes);
    chunkCompressedBytes = 0;
    // Unlike parquet-mr, which tries again in every row group: a column of unique values (ids,
    // times, free text) would build and drop a dictionary of its first page each time.
    dictionaryActive = dictionaryAllowed && !dictionaryDeclined;
    firstPage = true;
    dictionaryEntriesUsed = 0;
    clearDictionary();
    return chunk;
  }

  /** Puts the id of each of the page's values in {@code ids}; false if the dictionary overflows. */
  abstract boolean lookUpIds(int[] ids);

  abstract int dictionarySize();

  /** The plain size of the dictionary's first {@code entries} entries. */
  abstract long dictionaryPlainBytes(int entries);

  abstract void writeDictionary(ByteSink out, int entries);

  abstract void clearDictionary();

  abstract void writePlain(ByteSink out);

  /** The page's min and max (nulls are added by the caller). */
  abstract Statistics<?> pageStatistics();

  /** Forgets the page's values. */
  abstract void resetPage();
}
