package io.spectrumflow.local.aws.redshift;

import io.spectrumflow.local.aws.http.JsonService;
import io.spectrumflow.local.aws.http.Operation;
import io.spectrumflow.local.aws.redshift.sql.RedshiftEngine;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Redshift Data API: the one table of operation names to handlers, and the statement executor
 * behind it.
 */
public final class RedshiftDataService implements AutoCloseable {

  private static final int STATEMENT_THREADS = 4;

  private final StatementRegistry registry;
  private final StatementExecutor executor;
  private final JsonService service;

  public RedshiftDataService(RedshiftEngine engine, Clock clock) {
    this(engine, clock, KnownClusters.ANY);
  }

  /**
   * @param clusters the clusters and workgroups statements may name; others are a
   *     ValidationException, as Redshift answers for an endpoint it does not have
   */
  public RedshiftDataService(RedshiftEngine engine, Clock clock, KnownClusters clusters) {
    this.registry = new StatementRegistry(clock);
    this.executor = new StatementExecutor(engine, clock, STATEMENT_THREADS);
    StatementOperations statements = new StatementOperations(registry, executor, clock, clusters);
    MetadataOperations metadata = new MetadataOperations(engine, clusters);
    Map<String, Operation> operations = new TreeMap<>();
    operations.put("ExecuteStatement", statements::execute);
    operations.put("BatchExecuteStatement", statements::batchExecute);
    operations.put("DescribeStatement", statements::describe);
    operations.put("GetStatementResult", statements::result);
    operations.put("CancelStatement", statements::cancel);
    operations.put("ListStatements", statements::list);
    operations.put("ListDatabases", metadata::databases);
    operations.put("ListSchemas", metadata::schemas);
    operations.put("ListTables", metadata::tables);
    operations.put("DescribeTable", metadata::describeTable);
    this.service =
        new JsonService(
            "RedshiftData", "ValidationException", "InternalServerException", operations);
  }

  public JsonService service() {
    return service;
  }

  /** Stops running statements and the executor. */
  @Override
  public void close() {
    registry.cancelAll();
    executor.close();
  }
}
