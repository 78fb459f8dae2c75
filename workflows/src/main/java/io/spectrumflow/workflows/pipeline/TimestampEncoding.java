package io.spectrumflow.workflows.pipeline;

/** How timestamps are stored in Parquet. */
public enum TimestampEncoding {
  /** INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true): the modern encoding Spectrum reads. */
  INT64_MICROS,
  /** The deprecated INT96 encoding, for older readers. */
  INT96
}
