package io.spectrumflow.activities.dump.parquet;

/**
 * What a file's columns hold for the current row group (compressed pages, plus the current pages'
 * plain values), kept up to date as values arrive so that the row group check after each row costs
 * one comparison rather than a sum over the columns.
 */
final class BufferedBytes {

  private long bytes;

  void add(long delta) {
    bytes += delta;
  }

  long get() {
    return bytes;
  }
}
