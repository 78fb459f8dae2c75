package io.spectrumflow.activities.glue;

import io.spectrumflow.workflows.export.CatalogRequest;
import io.spectrumflow.workflows.export.CatalogResult;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;

/**
 * Makes a crawled table what the pipeline promises: the crawler names plain date folders {@code
 * partition_0}, which becomes the pipeline's partition column; columns the batch brought are added
 * (the crawler only logs schema changes, so that it never undoes the rename); and any of the
 * batch's partitions the crawl did not register are registered.
 */
public final class CrawledTable {

  private static final Logger log = LoggerFactory.getLogger(CrawledTable.class);
  static final String CRAWLER_PARTITION_NAME = "partition_0";

  private final GlueClient glue;

  public CrawledTable(GlueClient glue) {
    this.glue = glue;
  }

  public CatalogResult adopt(CatalogRequest request) {
    PipelineSpec pipeline = request.pipeline();
    String database = pipeline.catalog().database();
    String name = pipeline.catalog().table();
    String column = pipeline.partition().column();
    try {
      glue.getTable(b -> b.databaseName(database).name(name));
    } catch (EntityNotFoundException missing) {
      throw ApplicationFailure.newNonRetryableFailure(
          "the crawl succeeded but made no table "
              + database
              + "."
              + name
              + " from "
              + pipeline.tableLocation()
              + ": check the crawler's target and its CloudWatch logs",
          ExportFailures.CRAWL_FAILED);
    }
    List<String> changes = new ArrayList<>();
    Table table =
        new TableEdits(glue)
            .edit(
                database,
                name,
                current -> {
                  changes.clear();
                  List<Column> keys = renamedKeys(current.partitionKeys(), column, changes);
                  ColumnMerge merge =
                      new ColumnMerge(
                          database + "." + name,
                          current.storageDescriptor().columns(),
                          ParquetTableDefinition.columns(request.columns()));
                  changes.addAll(merge.changes());
                  return changes.isEmpty()
                      ? Optional.empty()
                      : Optional.of(TableEdits.withColumns(current, merge.columns(), keys));
                });
    requireOnePartitionKey(table, column);
    int aligned =
        new PartitionColumns(glue).align(database, name, table.storageDescriptor().columns());
    if (aligned > 0) {
      log.info("glue {}.{}: {} partitions given the table's columns", database, name, aligned);
    }
    int missing = registerMissing(request, table);
    if (!changes.isEmpty()) {
      log.info("glue {}.{}: {}", database, name, changes);
    }
    return new CatalogResult(
        database,
        name,
        pipeline.tableLocation(),
        missing,
        request.partitionValues().size() - missing,
        List.copyOf(changes));
  }

  private static List<Column> renamedKeys(List<Column> keys, String column, List<String> changes) {
    List<Column> renamed = new ArrayList<>(keys);
    if (keys.size() == 1
        && keys.get(0).name().equals(CRAWLER_PARTITION_NAME)
        && !column.equals(CRAWLER_PARTITION_NAME)) {
      renamed.set(0, keys.get(0).toBuilder().name(column).build());
      changes.add("renamed partition key " + CRAWLER_PARTITION_NAME + " -> " + column);
    }
    return renamed;
  }

  private static void requireOnePartitionKey(Table table, String column) {
    List<String> keys = table.partitionKeys().stream().map(Column::name).toList();
    if (!keys.equals(List.of(column))) {
      throw ApplicationFailure.newNonRetryableFailure(
          "crawled table "
              + table.databaseName()
              + "."
              + table.name()
              + " has partition keys "
              + keys
              + " where the pipeline expects ["
              + column
              + "]: objects other than the pipeline's lie under "
              + table.storageDescriptor().location(),
          ExportFailures.CRAWL_FAILED);
    }
  }

  /** Partitions of the batch the crawl missed are registered, with the table's schema. */
  private int registerMissing(CatalogRequest request, Table table) {
    PartitionBatches batches = new PartitionBatches(glue, table.databaseName(), table.name());
    Set<String> found = batches.get(request.partitionValues()).keySet();
    ParquetTableDefinition definition = new ParquetTableDefinition(request.pipeline());
    List<PartitionInput> missing =
        request.partitionValues().stream()
            .filter(v -> !found.contains(v))
            .map(v -> definition.partition(table.storageDescriptor().columns(), v))
            .toList();
    if (!missing.isEmpty()) {
      log.warn(
          "glue: the crawl did not register {} of the batch's partitions; registering them",
          missing.size());
      batches.create(missing);
    }
    return missing.size();
  }
}
