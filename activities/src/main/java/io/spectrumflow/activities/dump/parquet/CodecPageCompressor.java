package io.spectrumflow.activities.dump.parquet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** The codecs other than Snappy (GZIP, ZSTD), through parquet-mr's codec factory. */
final class CodecPageCompressor implements PageCompressor {

  private final CompressionCodecName codec;
  private final CompressionCodecFactory.BytesInputCompressor compressor;

  CodecPageCompressor(CompressionCodecName codec) {
    this.codec = codec;
    this.compressor =
        new CodecFactory(new PlainParquetConfiguration(), ColumnWriter.PAGE_BYTES)
            .getCompressor(codec);
  }

  @Override
  public byte[] compress(byte[] bytes, int length) throws IOException {
    BytesInput compressed = compressor.compress(BytesInput.from(bytes, 0, length));
    ByteArrayOutputStream out = new ByteArrayOutputStream((int) compressed.size());
    compressed.writeAllTo(out);
    return out.toByteArray();
  }

  @Override
  public CompressionCodecName codec() {
    return codec;
  }

  @Override
  public void release() {
    compressor.release();
  }
}
