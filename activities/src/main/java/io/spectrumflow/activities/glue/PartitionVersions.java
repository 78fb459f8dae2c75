package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.s3.PartitionPaths;
import io.spectrumflow.workflows.export.UndoSwitchResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionFailureEntry;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * Replace mode: each partition is switched to the batch's version folder by changing its location
 * in the catalog, one call for up to a hundred partitions. A reader sees the old version or the new
 * one, never a partition with some of each or with files missing; the old version's objects stay
 * until the workflow's grace period is over.
 *
 * <p>Each switched partition records, in its parameters, the workflow run that switched it and the
 * location it had before. A retried catalog step thus still knows what the first attempt replaced,
 * and a failed run can point its partitions back even when its catalog step failed halfway.
 */
final class PartitionVersions {

  /** The partition parameter naming the workflow run that switched the partition. */
  static final String SWITCHED_BY_RUN = "spectrumflow.switched_by_run";

  /** The partition parameter holding the location the partition had before that switch. */
  static final String PREVIOUS_LOCATION = "spectrumflow.previous_location";

  private static final int GET_PER_CALL = 1000; // BatchGetPartition's limit
  private static final int WRITE_PER_CALL = 100; // BatchCreatePartition's, BatchUpdatePartition's
  private static final int DELETE_PER_CALL = 25; // BatchDeletePartition's

  private final GlueClient glue;

  PartitionVersions(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * What the switch did: partitions created, already switched, and switched (value to old
   * location), counting those an earlier attempt of the same run switched.
   */
  record Outcome(int created, int alreadySwitched, Map<String, String> replaced) {}

  /**
   * @param runId the workflow run switching, recorded in each partition it creates or switches
   */
  Outcome switchTo(
      PipelineSpec pipeline,
      List<Column> columns,
      List<String> values,
      String batchId,
      String runId) {
    String database = pipeline.catalog().database();
    String table = pipeline.catalog().table();
    Map<String, Partition> current = currentPartitions(database, table, values);
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    List<PartitionInput> creates = new ArrayList<>();
    List<BatchUpdatePartitionRequestEntry> updates = new ArrayList<>();
    Map<String, String> replaced = new LinkedHashMap<>();
    int alreadySwitched = 0;
    for (String value : values) {
      String location = PartitionPaths.dataLocation(pipeline, value, batchId);
      Partition now = current.get(value);
      if (now == null) {
        creates.add(switched(definition, columns, value, location, runId, null));
      } else if (now.storageDescriptor().location().equals(location)) {
        String previous = previousLocationIfSwitchedBy(now, runId);
        if (previous != null) {
          replaced.put(value, previous); // an earlier attempt of this run switched it
        } else {
          alreadySwitched++;
        }
      } else {
        String old = now.storageDescriptor().location();
        updates.add(update(switched(definition, columns, value, location, runId, old)));
        replaced.put(value, old);
      }
    }
    for (int from = 0; from < creates.size(); from += WRITE_PER_CALL) {
      List<PartitionInput> chunk =
          creates.subList(from, Math.min(from + WRITE_PER_CALL, creates.size()));
      PartitionErrors.requireOnlyExisting(
          "BatchCreatePartition",
          glue.batchCreatePartition(
                  b -> b.databaseName(database).tableName(table).partitionInputList(chunk))
              .errors());
    }
    update(database, table, updates);
    return new Outcome(creates.size(), alreadySwitched, replaced);
  }

  /**
   * Takes back the switches run {@code runId} made to the batch's version folders: a partition it
   * switched points at its previous location again, one it created is deleted. Partitions that
   * point elsewhere are not this run's doing and are left alone; those at the batch's folder but
   * switched by another run (an earlier run of the same batch) are reported as kept.
   */
  UndoSwitchResult undo(PipelineSpec pipeline, List<String> values, String batchId, String runId) {
    String database = pipeline.catalog().database();
    String table = pipeline.catalog().table();
    Map<String, Partition> current = currentPartitions(database, table, values);
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    List<BatchUpdatePartitionRequestEntry> restores = new ArrayList<>();
    List<String> restored = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    for (String value : values) {
      Partition now = current.get(value);
      if (now == null
          || !now.storageDescriptor()
              .location()
              .equals(PartitionPaths.dataLocation(pipeline, value, batchId))) {
        continue;
      }
      if (!runId.equals(now.parameters().get(SWITCHED_BY_RUN))) {
        kept.add(value);
      } else if (now.parameters().containsKey(PREVIOUS_LOCATION)) {
        String previous = now.parameters().get(PREVIOUS_LOCATION);
        restores.add(
            update(definition.partition(now.storageDescriptor().columns(), value, previous)));
        restored.add(value);
      } else {
        dropped.add(value);
      }
    }
    update(database, table, restores);
    for (int from = 0; from < dropped.size(); from += DELETE_PER_CALL) {
      List<PartitionValueList> chunk =
          dropped.subList(from, Math.min(from + DELETE_PER_CALL, dropped.size())).stream()
              .map(v -> PartitionValueList.builder().values(v).build())
              .toList();
      PartitionErrors.requireOnlyMissing(
          "BatchDeletePartition",
          glue.batchDeletePartition(
                  b -> b.databaseName(database).tableName(table).partitionsToDelete(chunk))
              .errors());
    }
    return new UndoSwitchResult(restored, dropped, kept);
  }

  private static String previousLocationIfSwitchedBy(Partition partition, String runId) {
    return runId.equals(partition.parameters().get(SWITCHED_BY_RUN))
        ? partition.parameters().get(PREVIOUS_LOCATION)
        : null;
  }

  private static PartitionInput switched(
      ParquetTableDefinition definition,
      List<Column> columns,
      String value,
      String location,
      String runId,
      String previousLocation) {
    Map<String, String> parameters = new HashMap<>();
    parameters.put(SWITCHED_BY_RUN, runId);
    if (previousLocation != null) {
      parameters.put(PREVIOUS_LOCATION, previousLocation);
    }
    return definition.partition(columns, value, location).toBuilder()
        .parameters(parameters)
        .build();
  }

  private static BatchUpdatePartitionRequestEntry update(PartitionInput input) {
    return BatchUpdatePartitionRequestEntry.builder()
        .partitionValueList(input.values())
        .partitionInput(input)
        .build();
  }

  /** Points partitions back at the locations they had before a switch, one call per hundred. */
  void restore(PipelineSpec pipeline, Map<String, String> locations) {
    String database = pipeline.catalog().database();
    String table = pipeline.catalog().table();
    List<Column> columns =
        glue.getTable(b -> b.databaseName(database).name(table))
            .table()
            .storageDescriptor()
            .columns();
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    List<BatchUpdatePartitionRequestEntry> updates = new ArrayList<>();
    locations.forEach(
        (value, location) ->
            updates.add(
                BatchUpdatePartitionRequestEntry.builder()
                    .partitionValueList(List.of(value))
                    .partitionInput(definition.partition(columns, value, location))
                    .build()));
    update(database, table, updates);
  }

  private void update(
      String database, String table, List<BatchUpdatePartitionRequestEntry> updates) {
    for (int from = 0; from < updates.size(); from += WRITE_PER_CALL) {
      List<BatchUpdatePartitionRequestEntry> chunk =
          updates.subList(from, Math.min(from + WRITE_PER_CALL, updates.size()));
      List<BatchUpdatePartitionFailureEntry> errors =
          glue.batchUpdatePartition(b -> b.databaseName(database).tableName(table).entries(chunk))
              .errors();
      if (!errors.isEmpty()) {
        BatchUpdatePartitionFailureEntry first = errors.get(0);
        throw ApplicationFailure.newFailure(
            "Glue BatchUpdatePartition failed for "
                + first.partitionValueList()
                + ": "
                + first.errorDetail().errorCode()
                + " "
                + first.errorDetail().errorMessage(),
            "AwsCallFailed");
      }
    }
  }

  private Map<String, Partition> currentPartitions(
      String database, String table, List<String> values) {
    Map<String, Partition> partitions = new HashMap<>();
    for (int from = 0; from < values.size(); from += GET_PER_CALL) {
      List<PartitionValueList> chunk =
          values.subList(from, Math.min(from + GET_PER_CALL, values.size())).stream()
              .map(v -> PartitionValueList.builder().values(v).build())
              .toList();
      for (Partition partition :
          glue.batchGetPartition(
                  b -> b.databaseName(database).tableName(table).partitionsToGet(chunk))
              .partitions()) {
        partitions.put(partition.values().get(0), partition);
      }
    }
    return partitions;
  }
}
