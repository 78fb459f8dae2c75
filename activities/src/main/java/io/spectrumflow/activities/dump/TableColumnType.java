package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.pipeline.ColumnType;
import java.util.Locale;

/**
 * A Glue column type as table typing sees it, and which batch types it takes. The rules: a
 * string-like table column takes anything (as text); a floating-point one takes BIGINT and DOUBLE
 * as DOUBLE; an integer one takes BIGINT as BIGINT and DOUBLE as DOUBLE (the catalog then widens
 * the table); boolean and timestamp take only their own type; other types (decimal, date, binary,
 * arrays, maps, structs) take nothing, since the dump cannot write them.
 */
enum TableColumnType {
  BIGINT(ColumnType.BIGINT),
  /** int, integer, smallint, tinyint: narrower than anything the dump writes. */
  SMALL_INT(null),
  DOUBLE(ColumnType.DOUBLE),
  /** float, real: the dump writes DOUBLE, which the catalog must widen the column to. */
  FLOAT(null),
  /** string, varchar(n), char(n). */
  STRING(ColumnType.STRING),
  BOOLEAN(ColumnType.BOOLEAN),
  TIMESTAMP(ColumnType.TIMESTAMP),
  /** A type the dump cannot write. */
  OTHER(null);

  private final ColumnType exact;

  TableColumnType(ColumnType exact) {
    this.exact = exact;
  }

  static TableColumnType of(String glueType) {
    String type = glueType.trim().toLowerCase(Locale.ROOT);
    int parameters = type.indexOf('(');
    String base = parameters < 0 ? type : type.substring(0, parameters).trim();
    return switch (base) {
      case "bigint" -> BIGINT;
      case "int", "integer", "smallint", "tinyint" -> SMALL_INT;
      case "double" -> DOUBLE;
      case "float", "real" -> FLOAT;
      case "string", "varchar", "char" -> STRING;
      case "boolean" -> BOOLEAN;
      case "timestamp" -> TIMESTAMP;
      default -> OTHER;
    };
  }

  /** The written type Glue declares exactly as this, or null when the dump writes none. */
  ColumnType exact() {
    return exact;
  }

  /**
   * The type to write a batch column of type {@code batch} in, for a table column of this type;
   * null when the two conflict.
   */
  ColumnType writtenFor(ColumnType batch) {
    return switch (this) {
      case STRING -> ColumnType.STRING;
      case BIGINT, SMALL_INT ->
          batch == ColumnType.BIGINT || batch == ColumnType.DOUBLE ? batch : null;
      case DOUBLE, FLOAT ->
          batch == ColumnType.BIGINT || batch == ColumnType.DOUBLE ? ColumnType.DOUBLE : null;
      case BOOLEAN, TIMESTAMP -> batch == exact ? batch : null;
      case OTHER -> null;
    };
  }
}
