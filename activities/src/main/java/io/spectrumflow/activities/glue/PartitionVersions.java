package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.s3.PartitionPaths;
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
 */
final class PartitionVersions {

  private static final int GET_PER_CALL = 1000; // BatchGetPartition's limit
  private static final int WRITE_PER_CALL =
      100; // BatchCreatePartition's and BatchUpdatePartition's

  private final GlueClient glue;

  PartitionVersions(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * What the switch did: partitions created, already switched, and switched (value to old
   * location).
   */
  record Outcome(int created, int alreadySwitched, Map<String, String> replaced) {}

  Outcome switchTo(
      PipelineSpec pipeline, List<Column> columns, List<String> values, String batchId) {
    String database = pipeline.catalog().database();
    String table = pipeline.catalog().table();
    Map<String, String> current = currentLocations(database, table, values);
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    List<PartitionInput> creates = new ArrayList<>();
    List<BatchUpdatePartitionRequestEntry> updates = new ArrayList<>();
    Map<String, String> replaced = new LinkedHashMap<>();
    int alreadySwitched = 0;
    for (String value : values) {
      String location = PartitionPaths.dataLocation(pipeline, value, batchId);
      PartitionInput input = definition.partition(columns, value, location);
      String now = current.get(value);
      if (now == null) {
        creates.add(input);
      } else if (now.equals(location)) {
        alreadySwitched++; // a retry after the switch
      } else {
        updates.add(
            BatchUpdatePartitionRequestEntry.builder()
                .partitionValueList(List.of(value))
                .partitionInput(input)
                .build());
        replaced.put(value, now);
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

  private Map<String, String> currentLocations(String database, String table, List<String> values) {
    Map<String, String> locations = new HashMap<>();
    for (int from = 0; from < values.size(); from += GET_PER_CALL) {
      List<PartitionValueList> chunk =
          values.subList(from, Math.min(from + GET_PER_CALL, values.size())).stream()
              .map(v -> PartitionValueList.builder().values(v).build())
              .toList();
      for (Partition partition :
          glue.batchGetPartition(
                  b -> b.databaseName(database).tableName(table).partitionsToGet(chunk))
              .partitions()) {
        locations.put(partition.values().get(0), partition.storageDescriptor().location());
      }
    }
    return locations;
  }
}
