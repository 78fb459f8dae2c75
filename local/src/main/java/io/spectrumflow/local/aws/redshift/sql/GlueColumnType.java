package io.spectrumflow.local.aws.redshift.sql;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Glue (Hive) column type as the DuckDB type Spectrum's view of it casts to. */
final class GlueColumnType {

  private static final Pattern DECIMAL =
      Pattern.compile("decimal\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

  private GlueColumnType() {}

  /**
   * The DuckDB type, or empty for nested types (array, map, struct), which are read as they are.
   */
  static Optional<String> duckDbType(String glueType) {
    String type = glueType.toLowerCase(Locale.ROOT).trim();
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      String scale = decimal.group(2) == null ? "0" : decimal.group(2);
      return Optional.of("DECIMAL(" + decimal.group(1) + "," + scale + ")");
    }
    if (type.startsWith("varchar") || type.startsWith("char")) {
      return Optional.of("VARCHAR");
    }
    return Optional.ofNullable(
        switch (type) {
          case "bigint" -> "BIGINT";
          case "int", "integer" -> "INTEGER";
          case "smallint", "tinyint" -> "SMALLINT";
          case "double" -> "DOUBLE";
          case "float", "real" -> "REAL";
          case "boolean" -> "BOOLEAN";
          case "string" -> "VARCHAR";
          case "timestamp" -> "TIMESTAMP";
          case "date" -> "DATE";
          case "decimal" -> "DECIMAL(10,0)";
          case "binary" -> "BLOB";
          default -> null;
        });
  }

  /** The Redshift type an external column shows as. */
  static RedshiftType redshiftType(String glueType) {
    return duckDbType(glueType).map(RedshiftType::ofDuckDb).orElse(RedshiftType.ofDuckDb("STRUCT"));
  }
}
