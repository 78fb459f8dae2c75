package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnType;

/**
 * The type one value, or a column so far, has during inference, and how types widen when a column
 * holds several: null adds nothing; BIGINT and DOUBLE give DOUBLE; any other mix gives STRING,
 * where every value is written as its text. A column that saw only nulls becomes STRING.
 */
enum ValueKind {
  NULL,
  BIGINT,
  DOUBLE,
  BOOLEAN,
  TIMESTAMP,
  STRING;

  /** The narrowest kind that holds values of both kinds. */
  ValueKind widen(ValueKind other) {
    if (other == this || other == NULL) {
      return this;
    }
    if (this == NULL) {
      return other;
    }
    if ((this == BIGINT && other == DOUBLE) || (this == DOUBLE && other == BIGINT)) {
      return DOUBLE;
    }
    return STRING;
  }

  ColumnType columnType() {
    return switch (this) {
      case NULL, STRING -> ColumnType.STRING;
      case BIGINT -> ColumnType.BIGINT;
      case DOUBLE -> ColumnType.DOUBLE;
      case BOOLEAN -> ColumnType.BOOLEAN;
      case TIMESTAMP -> ColumnType.TIMESTAMP;
    };
  }
}
