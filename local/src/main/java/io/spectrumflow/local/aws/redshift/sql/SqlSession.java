package io.spectrumflow.local.aws.redshift.sql;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One run of statements on a Redshift database, like a connection: external schema DDL is handled
 * here, every other statement goes to DuckDB after the Spectrum views it names are brought up to
 * date. Not thread-safe, except {@link #cancel()}.
 */
public final class SqlSession implements AutoCloseable {

  private final SessionUser user;
  private final RedshiftDatabase database;
  private final Connection connection;
  private final ExternalSchemaCommands commands;
  private final SpectrumViews views;
  private final ExternalCatalogViews catalogViews;
  private volatile Statement running;
  private volatile boolean cancelled;

  SqlSession(
      SessionUser user,
      RedshiftDatabase database,
      Connection connection,
      ExternalSchemaCommands commands,
      SpectrumViews views,
      ExternalCatalogViews catalogViews) {
    this.user = user;
    this.database = database;
    this.connection = connection;
    this.commands = commands;
    this.views = views;
    this.catalogViews = catalogViews;
  }

  /**
   * Whether the statement can run inside a DuckDB transaction with others: statements on external
   * schemas change the Glue catalog or the views' in-memory catalog, which a DuckDB transaction
   * writing to the database file cannot also write to.
   */
  public boolean isTransactional(String sql) throws RedshiftSqlException {
    String text = SqlText.trim(sql);
    return CreateExternalSchema.parse(text).isEmpty()
        && externalDrop(text).isEmpty()
        && !ExternalCatalogViews.mentioned(text)
        && SqlText.tablesIn(text, database.externalSchemas.names()).isEmpty();
  }

  public void begin() throws RedshiftSqlException {
    try {
      connection.setAutoCommit(false);
    } catch (SQLException e) {
      throw new RedshiftSqlException(RedshiftErrors.message(e, "BEGIN"), e);
    }
  }

  public void commit() throws RedshiftSqlException {
    try {
      connection.commit();
      connection.setAutoCommit(true);
    } catch (SQLException e) {
      throw new RedshiftSqlException(RedshiftErrors.message(e, "COMMIT"), e);
    }
  }

  /** Rolls back an open transaction; quiet, since it runs after a failure already reported. */
  public void rollback() {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // the statement's own error is what the caller reports
    }
  }

  public StatementOutcome execute(String sql) throws RedshiftSqlException {
    checkCancelled();
    String text = SqlText.trim(sql);
    try {
      Optional<CreateExternalSchema> create = CreateExternalSchema.parse(text);
      if (create.isPresent()) {
        commands.create(user, database, connection, create.get());
        return StatementOutcome.noResult(0);
      }
      Optional<DropSchema> drop = externalDrop(text);
      if (drop.isPresent()) {
        locked(() -> commands.drop(database, connection, drop.get()));
        return StatementOutcome.noResult(0);
      }
      Set<SqlText.TableName> external = SqlText.tablesIn(text, database.externalSchemas.names());
      boolean systemViews = ExternalCatalogViews.mentioned(text);
      if (external.isEmpty() && !systemViews) {
        return run(text);
      }
      checkRoles(external);
      database.spectrumLock.lock();
      try {
        if (systemViews) {
          catalogViews.create(connection, database.name, database.externalSchemas.all());
        }
        views.refresh(
            connection, database.externalSchemas, external, SqlText.mentionsPseudoColumns(text));
        useViewsOf(external);
        try {
          return run(text);
        } finally {
          useViewsOf(Set.of());
          if (systemViews) {
            ExternalCatalogViews.drop(connection);
          }
        }
      } finally {
        database.spectrumLock.unlock();
      }
    } catch (SQLException e) {
      checkCancelled();
      throw new RedshiftSqlException(RedshiftErrors.message(e, text), e);
    }
  }

  private void checkRoles(Set<SqlText.TableName> tables) throws RedshiftSqlException {
    for (String schema : tables.stream().map(SqlText.TableName::schema).distinct().toList()) {
      Optional<ExternalSchema> external = database.externalSchemas.get(schema);
      if (external.isPresent()) {
        commands.checkUse(user, external.get());
      }
    }
  }

  /** Stops the running statement, if any, and every later one. */
  public void cancel() {
    cancelled = true;
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        // the statement is ending anyway
      }
    }
  }

  private StatementOutcome run(String text) throws SQLException, RedshiftSqlException {
    try (Statement statement = connection.createStatement()) {
      running = statement;
      try {
        checkCancelled();
        if (!statement.execute(text)) {
          return StatementOutcome.noResult(Math.max(0, statement.getUpdateCount()));
        }
        try (ResultSet resultSet = statement.getResultSet()) {
          ResultTable table = ResultReader.read(resultSet, text);
          return new StatementOutcome(table, table.records().size());
        }
      } catch (SQLException e) {
        if (cancelled || RedshiftErrors.isInterrupt(e)) {
          throw new StatementCancelledException();
        }
        throw e;
      } finally {
        running = null;
      }
    }
  }

  /** DROP SCHEMA naming only external schemas; any other goes to DuckDB. */
  private Optional<DropSchema> externalDrop(String text) throws RedshiftSqlException {
    Set<String> external = database.externalSchemas.names();
    return DropSchema.parse(text).filter(d -> external.containsAll(d.schemas()));
  }

  private void useViewsOf(Set<SqlText.TableName> tables) throws SQLException {
    String schemas =
        tables.stream()
            .map(SqlText.TableName::schema)
            .distinct()
            .map(s -> "," + SpectrumViews.CATALOG + "." + SpectrumViews.quote(s))
            .collect(Collectors.joining());
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = " + SpectrumViews.literal(database.searchPath(schemas)));
    }
  }

  private void checkCancelled() throws StatementCancelledException {
    if (cancelled) {
      throw new StatementCancelledException();
    }
  }

  private interface SqlAction {
    void run() throws SQLException, RedshiftSqlException;
  }

  private void locked(SqlAction action) throws SQLException, RedshiftSqlException {
    database.spectrumLock.lock();
    try {
      action.run();
    } finally {
      database.spectrumLock.unlock();
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // closing a per-run connection: nothing to do about it
    }
  }
}
