package io.spectrumflow.activities.glue;

import java.util.List;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.glue.model.PartitionInput;

/**
 * Keeps every partition's columns those of its table. Spectrum reads a partition by the table's
 * columns, but Athena reads it by its own and rejects a table whose partitions disagree with it
 * (HIVE_PARTITION_SCHEMA_MISMATCH), e.g. a partition still typing a widened column {@code int}
 * while its new files hold {@code bigint}. So after columns are added or widened, the partitions
 * that still have the old list get the table's.
 *
 * <p>Run after every table edit, not only after one that changed columns: a step that changed the
 * table and failed before its partitions followed is brought up to date by its retry. Glue cannot
 * update a partition conditionally, so a partition another run switches (replace mode) between the
 * listing and the update would get its old location back; only partitions whose columns differ are
 * written, which is right after a schema change.
 */
final class PartitionColumns {

  private final GlueClient glue;

  PartitionColumns(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * @return how many partitions got the table's columns
   */
  int align(String database, String table, List<Column> columns) {
    List<BatchUpdatePartitionRequestEntry> updates =
        glue.getPartitionsPaginator(b -> b.databaseName(database).tableName(table)).stream()
            .flatMap(page -> page.partitions().stream())
            .filter(p -> !sameColumns(p.storageDescriptor().columns(), columns))
            .map(p -> withColumns(p, columns))
            .toList();
    new PartitionBatches(glue, database, table).update(updates);
    return updates.size();
  }

  /** Same names and types in the same order; comments and parameters may differ. */
  static boolean sameColumns(List<Column> partition, List<Column> table) {
    return partition.size() == table.size()
        && IntStream.range(0, table.size())
            .allMatch(
                i ->
                    partition.get(i).name().equalsIgnoreCase(table.get(i).name())
                        && partition.get(i).type().equalsIgnoreCase(table.get(i).type()));
  }

  private static BatchUpdatePartitionRequestEntry withColumns(
      Partition partition, List<Column> columns) {
    PartitionInput input =
        PartitionInput.builder()
            .values(partition.values())
            .parameters(partition.parameters())
            .lastAccessTime(partition.lastAccessTime())
            .lastAnalyzedTime(partition.lastAnalyzedTime())
            .storageDescriptor(partition.storageDescriptor().toBuilder().columns(columns).build())
            .build();
    return BatchUpdatePartitionRequestEntry.builder()
        .partitionValueList(partition.values())
        .partitionInput(input)
        .build();
  }
}
