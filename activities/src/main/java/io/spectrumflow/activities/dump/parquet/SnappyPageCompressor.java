package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import java.util.Arrays;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Snappy straight from heap arrays into heap arrays: parquet-mr's own Snappy path copies each page
 * through direct buffers and a stream first.
 */
final class SnappyPageCompressor implements PageCompressor {

  private byte[] scratch = new byte[0];

  @Override
  public byte[] compress(byte[] bytes, int length) throws IOException {
    int bound = Snappy.maxCompressedLength(length);
    if (scratch.length < bound) {
      scratch = new byte[bound];
    }
    int compressed = Snappy.compress(bytes, 0, length, scratch, 0);
    return Arrays.copyOf(scratch, compressed);
  }

  @Override
  public CompressionCodecName codec() {
    return CompressionCodecName.SNAPPY;
  }
}
