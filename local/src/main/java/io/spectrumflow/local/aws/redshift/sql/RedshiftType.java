package io.spectrumflow.local.aws.redshift.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type as Redshift reports it in result metadata, derived from DuckDB's type name.
 *
 * @param typeName Redshift's name: int8, int4, int2, float8, float4, numeric, bool, varchar, date,
 *     timestamp, timestamptz, ...
 * @param kind the Field member the values use
 * @param precision as Redshift's metadata reports it
 * @param scale as Redshift's metadata reports it
 */
public record RedshiftType(
    String typeName, FieldKind kind, int precision, int scale, boolean signed, boolean text) {

  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");

  /** The Redshift type for a DuckDB type name such as {@code DECIMAL(10,2)} or {@code BIGINT}. */
  public static RedshiftType ofDuckDb(String duckDbType) {
    String type = duckDbType.toUpperCase(Locale.ROOT).trim();
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      return new RedshiftType("numeric", FieldKind.STRING, precision, scale, true, false);
    }
    if (type.endsWith("]")
        || type.startsWith("STRUCT")
        || type.startsWith("MAP")
        || type.startsWith("UNION")
        || type.equals("JSON")) {
      return new RedshiftType("super", FieldKind.STRING, 0, 0, false, true);
    }
    return switch (type) {
      case "BIGINT", "INT8", "LONG", "UINTEGER" -> integral("int8", 19);
      case "INTEGER", "INT4", "INT", "USMALLINT" -> integral("int4", 10);
      case "SMALLINT", "INT2", "TINYINT", "UTINYINT" -> integral("int2", 5);
      case "HUGEINT", "UBIGINT", "UHUGEINT", "DECIMAL" ->
          new RedshiftType("numeric", FieldKind.STRING, 38, 0, true, false);
      case "DOUBLE", "FLOAT8" -> new RedshiftType("float8", FieldKind.DOUBLE, 17, 17, true, false);
      case "FLOAT", "REAL", "FLOAT4" ->
          new RedshiftType("float4", FieldKind.DOUBLE, 8, 8, true, false);
      case "BOOLEAN", "BOOL" -> new RedshiftType("bool", FieldKind.BOOLEAN, 1, 0, false, false);
      case "DATE" -> temporal("date", 13, 0);
      case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS", "DATETIME" ->
          temporal("timestamp", 29, 6);
      case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> temporal("timestamptz", 35, 6);
      case "TIME" -> temporal("time", 15, 6);
      case "TIME WITH TIME ZONE", "TIMETZ" -> temporal("timetz", 21, 6);
      case "INTERVAL" -> temporal("interval", 49, 6);
      case "BLOB", "BYTEA", "VARBINARY" ->
          new RedshiftType("varbyte", FieldKind.STRING, 64000, 0, false, false);
      default -> new RedshiftType("varchar", FieldKind.STRING, 65535, 0, false, true);
    };
  }

  private static RedshiftType integral(String name, int precision) {
    return new RedshiftType(name, FieldKind.LONG, precision, 0, true, false);
  }

  private static RedshiftType temporal(String name, int precision, int scale) {
    return new RedshiftType(name, FieldKind.STRING, precision, scale, false, false);
  }
}
