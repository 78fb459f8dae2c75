package io.spectrumflow.activities.dump.parquet;

import java.util.Arrays;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Pages as they are. */
final class UncompressedPages implements PageCompressor {

  @Override
  public byte[] compress(byte[] bytes, int length) {
    return Arrays.copyOf(bytes, length);
  }

  @Override
  public CompressionCodecName codec() {
    return CompressionCodecName.UNCOMPRESSED;
  }
}
