package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.redshift.sql.SqlSession;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * One ExecuteStatement or BatchExecuteStatement: its statements and what DescribeStatement and
 * ListStatements say about it. A batch's status follows its statements: FAILED if one failed,
 * ABORTED if one was aborted, FINISHED when all finished.
 *
 * @param parameters the request's Parameters, echoed as QueryParameters (null when none)
 */
record StatementRun(
    String id,
    StatementTarget target,
    String statementName,
    ArrayNode parameters,
    Instant createdAt,
    boolean batch,
    long redshiftPid,
    List<SubStatement> parts,
    SessionHolder session) {

  /** The session a running statement uses, so that CancelStatement can stop it. */
  static final class SessionHolder {
    private SqlSession session;
    private boolean cancelled;

    /** Attaches the session; false when the run was cancelled before it got one. */
    synchronized boolean attach(SqlSession newSession) {
      session = newSession;
      return !cancelled;
    }

    synchronized void detach() {
      session = null;
    }

    synchronized void cancel() {
      cancelled = true;
      if (session != null) {
        session.cancel();
      }
    }
  }

  StatementStatus status() {
    List<StatementStatus> statuses = parts.stream().map(SubStatement::status).toList();
    for (StatementStatus done : List.of(StatementStatus.FAILED, StatementStatus.ABORTED)) {
      if (statuses.contains(done)) {
        return done;
      }
    }
    if (statuses.stream().allMatch(s -> s == StatementStatus.FINISHED)) {
      return StatementStatus.FINISHED;
    }
    if (statuses.contains(StatementStatus.STARTED) || statuses.contains(StatementStatus.FINISHED)) {
      return StatementStatus.STARTED;
    }
    return statuses.contains(StatementStatus.PICKED)
        ? StatementStatus.PICKED
        : StatementStatus.SUBMITTED;
  }

  Instant updatedAt() {
    return parts.stream()
        .map(SubStatement::updatedAt)
        .max(Comparator.naturalOrder())
        .orElse(createdAt);
  }

  /** The DescribeStatement answer. */
  ObjectNode describe() {
    StatementStatus status = status();
    ObjectNode json = AwsJson.object();
    json.put("Id", id);
    target.writeTo(json);
    json.set("CreatedAt", AwsJson.epochSeconds(createdAt));
    json.set("UpdatedAt", AwsJson.epochSeconds(updatedAt()));
    json.put("Status", status.name());
    json.put("QueryString", queryString());
    json.put("Duration", status.isDone() ? parts.stream().mapToLong(this::duration).sum() : -1);
    json.put("HasResultSet", parts.stream().anyMatch(SubStatement::hasResultSet));
    json.put("ResultRows", status.isDone() ? total(SubStatement::resultRows) : -1);
    json.put("ResultSize", status.isDone() ? total(SubStatement::resultSize) : -1);
    json.put("RedshiftPid", status == StatementStatus.SUBMITTED ? 0 : redshiftPid);
    json.put(
        "RedshiftQueryId", parts.stream().mapToLong(SubStatement::redshiftQueryId).max().orElse(0));
    json.put("ResultFormat", "JSON");
    parts.stream()
        .map(SubStatement::error)
        .filter(e -> e != null)
        .findFirst()
        .ifPresent(error -> json.put("Error", error));
    if (parameters != null) {
      json.set("QueryParameters", parameters);
    }
    if (batch) {
      ArrayNode subStatements = json.putArray("SubStatements");
      parts.forEach(p -> subStatements.add(p.describe()));
    }
    return json;
  }

  /** The ListStatements entry. */
  ObjectNode listEntry() {
    ObjectNode json = AwsJson.object();
    json.put("Id", id);
    if (batch) {
      ArrayNode queries = json.putArray("QueryStrings");
      parts.forEach(p -> queries.add(p.queryString));
    } else {
      json.put("QueryString", queryString());
    }
    json.put("IsBatchStatement", batch);
    if (target.secretArn() != null) {
      json.put("SecretArn", target.secretArn());
    }
    json.put("Status", status().name());
    if (statementName != null) {
      json.put("StatementName", statementName);
    }
    json.set("CreatedAt", AwsJson.epochSeconds(createdAt));
    json.set("UpdatedAt", AwsJson.epochSeconds(updatedAt()));
    if (parameters != null) {
      json.set("QueryParameters", parameters);
    }
    json.put("ResultFormat", "JSON");
    return json;
  }

  private String queryString() {
    return batch
        ? String.join("; ", parts.stream().map(p -> p.queryString).toList())
        : parts.get(0).queryString;
  }

  private long duration(SubStatement part) {
    return Math.max(0, part.durationNanos());
  }

  private long total(ToLongFunction<SubStatement> value) {
    return parts.stream().mapToLong(value).filter(v -> v > 0).sum();
  }
}
