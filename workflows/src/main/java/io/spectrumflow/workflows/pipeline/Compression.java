package io.spectrumflow.workflows.pipeline;

/** Parquet compression codecs that Redshift Spectrum reads. */
public enum Compression {
  SNAPPY,
  GZIP,
  ZSTD,
  UNCOMPRESSED
}
