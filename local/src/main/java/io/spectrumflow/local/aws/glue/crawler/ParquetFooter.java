package io.spectrumflow.local.aws.glue.crawler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Parquet file's footer says: its top-level columns with their Glue types and its row count.
 * Read with DuckDB's {@code parquet_schema()} and {@code parquet_file_metadata()}.
 */
record ParquetFooter(List<CrawledColumn> columns, long rows) {

  /**
   * Reads the footer of a local copy.
   *
   * @throws SQLException when the file is not Parquet or is damaged
   */
  static ParquetFooter read(Connection duckDb, Path file) throws SQLException {
    List<ParquetField> fields = new ArrayList<>();
    try (PreparedStatement statement =
        duckDb.prepareStatement(
            "SELECT name, type, repetition_type, num_children, converted_type, logical_type,"
                + " precision, scale FROM parquet_schema(?)")) {
      statement.setString(1, file.toString());
      try (ResultSet rs = statement.executeQuery()) {
        List<Row> rows = new ArrayList<>();
        while (rs.next()) {
          rows.add(
              new Row(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getInt(7),
                  rs.getInt(8)));
        }
        if (rows.isEmpty()) {
          throw new SQLException("no schema in " + file);
        }
        int[] next = {1}; // rows are the schema tree in pre-order; row 0 is the root
        for (int i = 0; i < rows.get(0).children(); i++) {
          fields.add(field(rows, next));
        }
      }
    }
    List<CrawledColumn> columns = new ArrayList<>();
    for (ParquetField field : fields) {
      columns.add(new CrawledColumn(GlueTypes.name(field), GlueTypes.of(field)));
    }
    return new ParquetFooter(List.copyOf(columns), rowCount(duckDb, file));
  }

  private record Row(
      String name,
      String type,
      String repetition,
      int children,
      String convertedType,
      String logicalType,
      int precision,
      int scale) {}

  private static ParquetField field(List<Row> rows, int[] next) throws SQLException {
    if (next[0] >= rows.size()) {
      throw new SQLException("truncated Parquet schema");
    }
    Row row = rows.get(next[0]++);
    List<ParquetField> children = new ArrayList<>();
    for (int i = 0; i < row.children(); i++) {
      children.add(field(rows, next));
    }
    return new ParquetField(
        row.name(),
        row.children() > 0 ? null : row.type(),
        row.repetition(),
        row.convertedType(),
        row.logicalType(),
        row.precision(),
        row.scale(),
        List.copyOf(children));
  }

  private static long rowCount(Connection duckDb, Path file) throws SQLException {
    try (PreparedStatement statement =
        duckDb.prepareStatement("SELECT num_rows FROM parquet_file_metadata(?)")) {
      statement.setString(1, file.toString());
      try (ResultSet rs = statement.executeQuery()) {
        return rs.next() ? rs.getLong(1) : 0;
      }
    }
  }
}
