package io.spectrumflow.local.aws.redshift.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.ReentrantLock;
import org.duckdb.DuckDBConnection;

/**
 * One Redshift database: a DuckDB file ({@code dir/<name>.duckdb}) whose default schema is {@code
 * public} as in Redshift, its external schemas, and the in-memory catalog of Spectrum views.
 */
final class RedshiftDatabase implements AutoCloseable {

  final String name;
  final ExternalSchemas externalSchemas;

  /**
   * Held while a statement rebuilds Spectrum views and runs over them, so that concurrent
   * statements do not replace each other's views mid-query.
   */
  final ReentrantLock spectrumLock = new ReentrantLock();

  private final DuckDBConnection connection;
  private final String duckDbCatalog;

  private RedshiftDatabase(
      String name, ExternalSchemas externalSchemas, DuckDBConnection connection, String catalog) {
    this.name = name;
    this.externalSchemas = externalSchemas;
    this.connection = connection;
    this.duckDbCatalog = catalog;
  }

  static RedshiftDatabase open(Path dir, String name) throws SQLException {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DuckDBConnection connection =
        (DuckDBConnection)
            DriverManager.getConnection("jdbc:duckdb:" + dir.resolve(name + ".duckdb"));
    String catalog;
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA IF NOT EXISTS public");
      statement.execute("ATTACH IF NOT EXISTS ':memory:' AS " + SpectrumViews.CATALOG);
      try (ResultSet rs = statement.executeQuery("SELECT current_database()")) {
        rs.next();
        catalog = rs.getString(1);
      }
    } catch (SQLException e) {
      connection.close();
      throw e;
    }
    ExternalSchemas schemas = new ExternalSchemas(dir.resolve("external-schemas.json"));
    return new RedshiftDatabase(name, schemas, connection, catalog);
  }

  /** A new connection for one statement run, in UTC, resolving names in {@code public} first. */
  Connection connect() throws SQLException {
    Connection session = connection.duplicate();
    try (Statement statement = session.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      statement.execute("SET search_path = '" + searchPath("") + "'");
    } catch (SQLException e) {
      session.close();
      throw e;
    }
    return session;
  }

  /** The search path with the Spectrum views of the given external schemas after {@code public}. */
  String searchPath(String externalSchemaList) {
    return SpectrumViews.quote(duckDbCatalog) + ".public" + externalSchemaList;
  }

  String duckDbCatalog() {
    return duckDbCatalog;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
