package io.spectrumflow.activities.dump.parquet;

import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** The column types the dump writes, each an optional primitive. */
public enum ParquetKind {
  INT64,
  /** INT64 TIMESTAMP(MICROS, isAdjustedToUTC=true). */
  TIMESTAMP_MICROS,
  DOUBLE,
  BOOLEAN,
  /** BINARY with the STRING logical type: UTF-8 bytes. */
  STRING,
  /**
   * The deprecated 12-byte timestamp: nanoseconds of the day as a little-endian int64, then the
   * Julian day as a little-endian int32; given epoch microseconds.
   */
  INT96;

  PrimitiveType type(String name) {
    return switch (this) {
      case INT64 -> Types.optional(PrimitiveTypeName.INT64).named(name);
      case TIMESTAMP_MICROS ->
          Types.optional(PrimitiveTypeName.INT64)
              .as(LogicalTypeAnnotation.timestampType(true, LogicalTypeAnnotation.TimeUnit.MICROS))
              .named(name);
      case DOUBLE -> Types.optional(PrimitiveTypeName.DOUBLE).named(name);
      case BOOLEAN -> Types.optional(PrimitiveTypeName.BOOLEAN).named(name);
      case STRING ->
          Types.optional(PrimitiveTypeName.BINARY)
              .as(LogicalTypeAnnotation.stringType())
              .named(name);
      case INT96 -> Types.optional(PrimitiveTypeName.INT96).named(name);
    };
  }
}
