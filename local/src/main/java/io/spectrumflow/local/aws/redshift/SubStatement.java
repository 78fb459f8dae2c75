package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.redshift.sql.ResultTable;
import io.spectrumflow.local.aws.redshift.sql.StatementOutcome;
import java.time.Instant;

/**
 * One SQL statement's life: the only one of an ExecuteStatement or one of a batch ({@code id:n}). A
 * done status is final, so a cancel that wins the race is not overwritten by the run ending.
 */
final class SubStatement {

  final String id;
  final String queryString;
  final String sql;

  private StatementStatus status = StatementStatus.SUBMITTED;
  private final Instant createdAt;
  private Instant updatedAt;
  private long startNanos;
  private long durationNanos = -1;
  private long redshiftQueryId;
  private String error;
  private StatementOutcome outcome;

  /**
   * @param queryString the SQL as sent, for DescribeStatement
   * @param sql the SQL to run, parameters substituted
   */
  SubStatement(String id, String queryString, String sql, Instant createdAt) {
    this.id = id;
    this.queryString = queryString;
    this.sql = sql;
    this.createdAt = createdAt;
    this.updatedAt = createdAt;
  }

  synchronized StatementStatus status() {
    return status;
  }

  synchronized Instant updatedAt() {
    return updatedAt;
  }

  synchronized long durationNanos() {
    return durationNanos;
  }

  synchronized String error() {
    return error;
  }

  synchronized long redshiftQueryId() {
    return redshiftQueryId;
  }

  synchronized boolean hasResultSet() {
    return outcome != null && outcome.hasResultSet();
  }

  synchronized long resultRows() {
    return outcome == null ? -1 : outcome.rowsAffected();
  }

  synchronized long resultSize() {
    return outcome == null ? -1 : outcome.resultSize();
  }

  /** The rows, when the statement FINISHED with a result set; null otherwise. */
  synchronized ResultTable result() {
    return status == StatementStatus.FINISHED && outcome != null ? outcome.result() : null;
  }

  synchronized void picked(Instant now) {
    move(StatementStatus.PICKED, now);
  }

  synchronized boolean started(Instant now, long queryId) {
    if (status.isDone()) {
      return false;
    }
    redshiftQueryId = queryId;
    startNanos = System.nanoTime();
    move(StatementStatus.STARTED, now);
    return true;
  }

  synchronized void finished(Instant now, StatementOutcome result) {
    if (!status.isDone()) {
      outcome = result;
      end(StatementStatus.FINISHED, now);
    }
  }

  synchronized void failed(Instant now, String message) {
    if (!status.isDone()) {
      error = message;
      end(StatementStatus.FAILED, now);
    }
  }

  /** Aborts the statement unless it is already done; true when it was not. */
  synchronized boolean abort(Instant now) {
    if (status.isDone()) {
      return false;
    }
    end(StatementStatus.ABORTED, now);
    return true;
  }

  private void end(StatementStatus done, Instant now) {
    durationNanos = startNanos == 0 ? 0 : System.nanoTime() - startNanos;
    move(done, now);
  }

  private void move(StatementStatus next, Instant now) {
    if (!status.isDone()) {
      status = next;
      updatedAt = now;
    }
  }

  /** This statement as one of a batch's SubStatements. */
  synchronized ObjectNode describe() {
    ObjectNode json = AwsJson.object();
    json.put("Id", id);
    json.set("CreatedAt", AwsJson.epochSeconds(createdAt));
    json.set("UpdatedAt", AwsJson.epochSeconds(updatedAt));
    json.put("Status", status.name());
    json.put("QueryString", queryString);
    json.put("Duration", durationNanos);
    json.put("HasResultSet", hasResultSet());
    json.put("ResultRows", resultRows());
    json.put("ResultSize", resultSize());
    json.put("RedshiftQueryId", redshiftQueryId);
    if (error != null) {
      json.put("Error", error);
    }
    return json;
  }
}
