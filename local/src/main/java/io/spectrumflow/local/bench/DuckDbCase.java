package io.spectrumflow.local.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's conversion of the same file: {@code COPY (SELECT * FROM read_json_auto(...)) TO ...
 * (FORMAT parquet, COMPRESSION snappy)} (or {@code read_csv_auto}), with DuckDB limited to a number
 * of threads. A fresh in-memory database per run, as a fresh JVM dump has no caches either.
 */
final class DuckDbCase {

  private final Path input;
  private final String reader;
  private final int threads;

  /**
   * @param reader {@code read_json_auto} or {@code read_csv_auto}
   */
  DuckDbCase(Path input, String reader, int threads) {
    this.input = input;
    this.reader = reader;
    this.threads = threads;
  }

  RunResult run(Path outputDir) throws IOException {
    Files.createDirectories(outputDir);
    Path out = outputDir.resolve("duckdb.parquet");
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement()) {
      statement.execute("SET threads = " + threads);
      statement.execute(
          "COPY (SELECT * FROM "
              + reader
              + "('"
              + input
              + "')) TO '"
              + out
              + "' (FORMAT parquet, COMPRESSION snappy)");
      long rows;
      try (ResultSet count =
          statement.executeQuery("SELECT count(*) FROM read_parquet('" + out + "')")) {
        count.next();
        rows = count.getLong(1);
      }
      return new RunResult(rows, Files.size(out));
    } catch (SQLException e) {
      throw new IOException("DuckDB failed: " + e.getMessage(), e);
    }
  }
}
