package io.spectrumflow.local.aws;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** Parquet test files written by DuckDB from a SELECT. */
final class ParquetFiles {

  private ParquetFiles() {}

  static Path write(Path dir, String name, String select) throws SQLException {
    Path file = dir.resolve(name);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
    }
    return file;
  }
}
