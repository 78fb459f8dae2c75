package io.spectrumflow.workflows.pipeline;

/** The column types Spectrumflow writes to Parquet and declares in Glue. */
public enum ColumnType {
  BIGINT,
  DOUBLE,
  BOOLEAN,
  STRING,
  TIMESTAMP
}
