package io.spectrumflow.activities.dump.parquet;

import java.io.IOException;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/** Compresses whole pages; one per file, used by one thread at a time. */
interface PageCompressor {

  /** The compressed form of {@code length} bytes of {@code bytes}, as a new array. */
  byte[] compress(byte[] bytes, int length) throws IOException;

  CompressionCodecName codec();

  /** Gives back what the compressor holds; it is not used afterwards. */
  default void release() {}

  static PageCompressor of(CompressionCodecName codec) {
    return switch (codec) {
      case SNAPPY -> new SnappyPageCompressor();
      case UNCOMPRESSED -> new UncompressedPages();
      default -> new CodecPageCompressor(codec);
    };
  }
}
