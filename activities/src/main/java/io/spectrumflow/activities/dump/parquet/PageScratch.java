package io.spectrumflow.activities.dump.parquet;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * What every column of every file written by one thread shares, since that thread ends one page at
 * a time: a buffer to assemble a page in, an array of dictionary ids, and a compressor (with its
 * own buffer). A page is up to a megabyte; per column of each open file, these would be a good part
 * of what an open file holds. Used by one thread only.
 */
public final class PageScratch {

  final PageCompressor compressor;
  final ByteSink page = new ByteSink(64 * 1024);
  final int[] ids = new int[ColumnWriter.PAGE_ROWS];

  public PageScratch(CompressionCodecName codec) {
    this.compressor = PageCompressor.of(codec);
  }

  CompressionCodecName codec() {
    return compressor.codec();
  }

  /** Gives back what the compressor holds, once the thread's files are written. */
  public void release() {
    compressor.release();
  }
}
