package io.spectrumflow.local.aws.glue.crawler;

import java.util.List;

/**
 * One field of a Parquet file's schema, as the footer describes it (DuckDB's {@code
 * parquet_schema()} row), with its children for groups.
 *
 * @param physicalType e.g. {@code INT64}, {@code BYTE_ARRAY}; null for a group
 * @param convertedType the legacy annotation, e.g. {@code UTF8}, {@code TIMESTAMP_MICROS}, or null
 * @param logicalType the logical type as DuckDB prints it, e.g. {@code
 *     TimestampType(isAdjustedToUTC=1, ...)}, or null
 */
record ParquetField(
    String name,
    String physicalType,
    String repetition,
    String convertedType,
    String logicalType,
    int precision,
    int scale,
    List<ParquetField> children) {

  boolean isGroup() {
    return physicalType == null;
  }

  boolean isRepeated() {
    return "REPEATED".equals(repetition);
  }

  boolean converted(String type) {
    return type.equals(convertedType);
  }

  boolean logical(String prefix) {
    return logicalType != null && logicalType.startsWith(prefix);
  }
}
