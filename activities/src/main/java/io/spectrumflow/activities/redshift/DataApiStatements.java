package io.spectrumflow.activities.redshift;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.ExecuteStatementRequest;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;

/**
 * Runs a statement through the Redshift Data API and polls DescribeStatement until it ends. The
 * Data API is asynchronous: ExecuteStatement only submits.
 */
public final class DataApiStatements {

  private static final Logger log = LoggerFactory.getLogger(DataApiStatements.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration LONGEST_POLL = Duration.ofSeconds(5);

  private final RedshiftDataClient client;

  public DataApiStatements(RedshiftDataClient client) {
    this.client = client;
  }

  /**
   * Executes the statement and waits for it to finish.
   *
   * @param polled called after each poll with the statement id (the activity heartbeats there)
   * @return the statement id
   * @throws ApplicationFailure (not retryable) with Redshift's error text if it ends FAILED or
   *     ABORTED
   */
  public String run(RedshiftSpec target, String sql, java.util.function.Consumer<String> polled) {
    String id = client.executeStatement(request(target, sql)).id();
    log.info("redshift: submitted statement {}: {}", id, sql);
    Duration wait = FIRST_POLL;
    while (true) {
      DescribeStatementResponse statement = client.describeStatement(b -> b.id(id));
      switch (statement.status()) {
        case FINISHED -> {
          log.info("redshift: statement {} finished", id);
          return id;
        }
        case FAILED, ABORTED ->
            throw ApplicationFailure.newNonRetryableFailure(
                "Redshift statement "
                    + statement.statusAsString()
                    + ": "
                    + statement.error()
                    + " (statement: "
                    + sql
                    + ")",
                ExportFailures.STATEMENT_FAILED);
        default -> {
          polled.accept(id);
          sleep(wait);
          wait =
              wait.multipliedBy(2).compareTo(LONGEST_POLL) > 0
                  ? LONGEST_POLL
                  : wait.multipliedBy(2);
        }
      }
    }
  }

  /** The single number a finished {@code SELECT count(*)} returned. */
  public long singleLong(String statementId) {
    GetStatementResultResponse result = client.getStatementResult(b -> b.id(statementId));
    if (result.records().size() != 1 || result.records().get(0).size() != 1) {
      throw new IllegalStateException(
          "statement "
              + statementId
              + " returned "
              + result.records().size()
              + " rows, expected 1");
    }
    Long value = result.records().get(0).get(0).longValue();
    if (value == null) {
      throw new IllegalStateException("statement " + statementId + " returned no number");
    }
    return value;
  }

  private static ExecuteStatementRequest request(RedshiftSpec target, String sql) {
    ExecuteStatementRequest.Builder builder =
        ExecuteStatementRequest.builder()
            .sql(sql)
            .database(target.database())
            .statementName("spectrumflow");
    if (target.workgroupName() != null) {
      builder.workgroupName(target.workgroupName());
    } else {
      builder.clusterIdentifier(target.clusterIdentifier());
    }
    if (target.secretArn() != null) {
      builder.secretArn(target.secretArn());
    } else if (target.dbUser() != null) {
      builder.dbUser(target.dbUser());
    }
    return builder.build();
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Redshift statement", e);
    }
  }
}
