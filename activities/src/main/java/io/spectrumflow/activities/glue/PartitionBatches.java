package io.spectrumflow.activities.glue;

import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.ErrorDetail;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * Glue's batch partition calls of one table, within Glue's limits (botocore's model: at most 1000
 * keys a BatchGetPartition, 100 partitions a BatchCreatePartition or BatchUpdatePartition, 25 a
 * BatchDeletePartition) and with its partial answers handled: keys left in {@code UnprocessedKeys}
 * and entries failed with an error worth retrying are sent again, a few times, before the call
 * fails naming the partitions. Answers that mean the work is done are fine: a partition that
 * already exists when creating (e.g. an earlier try wrote it before failing), one already gone when
 * deleting.
 */
final class PartitionBatches {

  static final int GET_PER_CALL = 1000;
  static final int CREATE_PER_CALL = 100;
  static final int UPDATE_PER_CALL = 100;
  static final int DELETE_PER_CALL = 25;

  /** The failure type when Glue kept leaving partitions unprocessed; retrying the step may work. */
  static final String INCOMPLETE = "GluePartitionsUnprocessed";

  /** Per-entry error codes that say "not now" rather than "never". */
  private static final Set<String> RETRYABLE =
      Set.of(
          "InternalServiceException",
          "OperationTimeoutException",
          "ThrottlingException",
          "ConcurrentModificationException",
          "ResourceNotReadyException");

  static final int ATTEMPTS = 5;
  private static final long FIRST_PAUSE_MILLIS = 100;

  private final GlueClient glue;
  private final String database;
  private final String table;

  PartitionBatches(GlueClient glue, String database, String table) {
    this.glue = glue;
    this.database = database;
    this.table = table;
  }

  /** The partitions that exist of those with these (single) values, by value. */
  Map<String, Partition> get(List<String> values) {
    Map<String, Partition> found = new HashMap<>();
    inChunks(
        "BatchGetPartition",
        values,
        GET_PER_CALL,
        v -> List.of(v),
        chunk -> {
          BatchGetPartitionResponse response =
              glue.batchGetPartition(
                  b ->
                      b.databaseName(database)
                          .tableName(table)
                          .partitionsToGet(chunk.stream().map(PartitionBatches::key).toList()));
          response.partitions().forEach(p -> found.put(p.values().get(0), p));
          List<String> again =
              response.unprocessedKeys().stream().map(k -> k.values().get(0)).toList();
          return new Pass<>(again, "left in UnprocessedKeys");
        });
    return found;
  }

  /**
   * Creates the partitions.
   *
   * @return how many existed already
   */
  int create(List<PartitionInput> inputs) {
    int[] existing = {0};
    inChunks(
        "BatchCreatePartition",
        inputs,
        CREATE_PER_CALL,
        PartitionInput::values,
        chunk -> {
          List<PartitionError> errors =
              glue.batchCreatePartition(
                      b -> b.databaseName(database).tableName(table).partitionInputList(chunk))
                  .errors();
          return sortOut(
              "BatchCreatePartition",
              chunk,
              PartitionInput::values,
              errors,
              PartitionError::partitionValues,
              PartitionError::errorDetail,
              "AlreadyExistsException",
              existing);
        });
    return existing[0];
  }

  /** Replaces each entry's partition whole. */
  void update(List<BatchUpdatePartitionRequestEntry> entries) {
    inChunks(
        "BatchUpdatePartition",
        entries,
        UPDATE_PER_CALL,
        BatchUpdatePartitionRequestEntry::partitionValueList,
        chunk -> {
          List<BatchUpdatePartitionFailureEntry> errors =
              glue.batchUpdatePartition(
                      b -> b.databaseName(database).tableName(table).entries(chunk))
                  .errors();
          return sortOut(
              "BatchUpdatePartition",
              chunk,
              BatchUpdatePartitionRequestEntry::partitionValueList,
              errors,
              BatchUpdatePartitionFailureEntry::partitionValueList,
              BatchUpdatePartitionFailureEntry::errorDetail,
              null,
              new int[1]);
        });
  }

  /**
   * Deletes the partitions with these (single) values.
   *
   * @return how many were gone already
   */
  int delete(List<String> values) {
    int[] gone = {0};
    inChunks(
        "BatchDeletePartition",
        values,
        DELETE_PER_CALL,
        v -> List.of(v),
        chunk -> {
          List<PartitionError> errors =
              glue.batchDeletePartition(
                      b ->
                          b.databaseName(database)
                              .tableName(table)
                              .partitionsToDelete(
                                  chunk.stream().map(PartitionBatches::key).toList()))
                  .errors();
          return sortOut(
              "BatchDeletePartition",
              chunk,
              v -> List.of(v),
              errors,
              PartitionError::partitionValues,
              PartitionError::errorDetail,
              "EntityNotFoundException",
              gone);
        });
    return gone[0];
  }

  /** What one call left to send again, and why. */
  private record Pass<T>(List<T> again, String why) {}

  /**
   * Sends the items in calls of at most {@code perCall}, each call's leftovers again after a pause
   * growing from 100 ms, at most {@link #ATTEMPTS} times a chunk.
   */
  private <T> void inChunks(
      String call,
      List<T> items,
      int perCall,
      Function<T, List<String>> valuesOf,
      Function<List<T>, Pass<T>> send) {
    for (int from = 0; from < items.size(); from += perCall) {
      List<T> pending = items.subList(from, Math.min(from + perCall, items.size()));
      Pass<T> pass = null;
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > ATTEMPTS) {
          throw ApplicationFailure.newFailure(
              "Glue "
                  + call
                  + " on "
                  + database
                  + "."
                  + table
                  + " still had partitions "
                  + pending.stream().map(valuesOf).toList()
                  + " "
                  + pass.why()
                  + " after "
                  + ATTEMPTS
                  + " attempts; Glue is throttling or unavailable: the step is retried later",
              INCOMPLETE);
        }
        if (attempt > 1) {
          pause(FIRST_PAUSE_MILLIS << (attempt - 2));
        }
        pass = send.apply(pending);
        pending = pass.again();
      }
    }
  }

  /**
   * Splits a call's per-entry errors: {@code done} (the work is already done: counted), retryable
   * (returned to send again), others (the call fails, naming the partition).
   */
  private static <T, E> Pass<T> sortOut(
      String call,
      List<T> sent,
      Function<T, List<String>> valuesOfSent,
      List<E> errors,
      Function<E, List<String>> valuesOfError,
      Function<E, ErrorDetail> detailOf,
      String done,
      int[] doneCount) {
    Map<List<String>, ErrorDetail> byValues = new HashMap<>();
    for (E error : errors) {
      byValues.put(valuesOfError.apply(error), detailOf.apply(error));
    }
    List<T> again = new ArrayList<>();
    String why = null;
    for (T item : sent) {
      List<String> values = valuesOfSent.apply(item);
      if (!byValues.containsKey(values)) {
        continue;
      }
      ErrorDetail detail = byValues.get(values);
      String code = detail == null ? null : detail.errorCode();
      String message = detail == null ? "" : detail.errorMessage();
      if (code != null && code.equals(done)) {
        doneCount[0]++;
      } else if (RETRYABLE.contains(code)) {
        again.add(item);
        why = "failing with " + code + " " + message;
      } else {
        throw ApplicationFailure.newFailure(
            "Glue " + call + " failed for " + values + ": " + code + " " + message,
            "AwsCallFailed");
      }
    }
    return new Pass<>(again, why);
  }

  private static PartitionValueList key(String value) {
    return PartitionValueList.builder().values(value).build();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while retrying a Glue call", INCOMPLETE);
    }
  }
}
