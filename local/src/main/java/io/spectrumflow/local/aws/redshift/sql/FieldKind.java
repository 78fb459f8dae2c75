package io.spectrumflow.local.aws.redshift.sql;

/** Which member of the Data API's {@code Field} union a column's values travel in. */
public enum FieldKind {
  LONG,
  DOUBLE,
  BOOLEAN,
  STRING
}
