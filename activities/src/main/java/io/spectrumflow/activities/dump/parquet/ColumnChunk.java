package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import java.util.List;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * One column's pages of a row group, written out when the row group ends.
 *
 * @param dictionary the dictionary page, or null when every page is plain
 */
record ColumnChunk(
    ColumnDescriptor descriptor, long rows, EncodedDictionary dictionary, List<EncodedPage> pages) {

  // PLAIN_DICTIONARY and BIT_PACKED are deprecated in favour of V2's encodings, but they are what
  // parquet-mr's V1 writer declares and what older readers (Spectrum, Hive, Impala) expect.
  @SuppressWarnings("deprecation")
  void writeTo(ParquetFileWriter file, CompressionCodecName codec) throws IOException {
    file.startColumn(descriptor, rows, codec);
    if (dictionary != null) {
      file.writeDictionaryPage(
          new DictionaryPage(
              BytesInput.from(dictionary.bytes()),
              dictionary.uncompressedSize(),
              dictionary.entries(),
              Encoding.PLAIN_DICTIONARY));
    }
    for (EncodedPage page : pages) {
      // V1 pages of a flat optional column: no repetition levels (BIT_PACKED is what parquet-mr
      // declares for them), RLE definition levels.
      file.writeDataPage(
          page.rows(),
          page.uncompressedSize(),
          BytesInput.from(page.bytes()),
          page.stats(),
          page.rows(),
          Encoding.BIT_PACKED,
          Encoding.RLE,
          page.valuesEncoding());
    }
    file.endColumn();
  }
}
