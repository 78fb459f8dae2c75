package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.s3.PartitionPaths;
import io.spectrumflow.workflows.export.CatalogRequest;
import io.spectrumflow.workflows.export.CatalogResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Direct mode: the catalog is written by us rather than discovered by a crawler. Every call is
 * idempotent, so a retried activity converges on the same catalog.
 */
public final class DirectCatalog {

  private static final Logger log = LoggerFactory.getLogger(DirectCatalog.class);

  private final GlueClient glue;

  public DirectCatalog(GlueClient glue) {
    this.glue = glue;
  }

  /**
   * @param runId the workflow run registering; replace mode records it in the partitions it
   *     switches (see {@link PartitionVersions})
   */
  public CatalogResult register(CatalogRequest request, String runId) {
    PipelineSpec pipeline = request.pipeline();
    String database = pipeline.catalog().database();
    new GlueDatabases(glue).ensure(database);
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    TableState table = ensureTable(database, definition, request);
    alignPartitions(database, pipeline.catalog().table(), table.columns);
    if (PartitionPaths.replacing(pipeline)) {
      PartitionVersions.Outcome switched =
          new PartitionVersions(glue)
              .switchTo(
                  pipeline, table.columns, request.partitionValues(), request.batchId(), runId);
      log.info(
          "glue {}.{}: {} partitions registered, {} switched to batch {}, {} already on it{}",
          database,
          pipeline.catalog().table(),
          switched.created(),
          switched.replaced().size(),
          request.batchId(),
          switched.alreadySwitched(),
          table.added.isEmpty() ? "" : "; columns: " + table.added);
      return new CatalogResult(
          database,
          pipeline.catalog().table(),
          pipeline.tableLocation(),
          switched.created(),
          switched.alreadySwitched() + switched.replaced().size(),
          table.added,
          switched.replaced());
    }
    List<PartitionInput> inputs =
        request.partitionValues().stream()
            .map(value -> definition.partition(table.columns, value))
            .toList();
    int existing = new PartitionBatches(glue, database, pipeline.catalog().table()).create(inputs);
    int created = inputs.size() - existing;
    log.info(
        "glue {}.{}: {} partitions registered, {} already there{}",
        database,
        pipeline.catalog().table(),
        created,
        existing,
        table.added.isEmpty() ? "" : "; columns: " + table.added);
    return new CatalogResult(
        database,
        pipeline.catalog().table(),
        pipeline.tableLocation(),
        created,
        existing,
        table.added);
  }

  /**
   * Creates the table, or brings its columns up to date with this batch (see {@link ColumnMerge}).
   */
  private TableState ensureTable(
      String database, ParquetTableDefinition definition, CatalogRequest request) {
    String name = request.pipeline().catalog().table();
    TableInput input = definition.table(request.columns());
    try {
      glue.getTable(b -> b.databaseName(database).name(name));
    } catch (EntityNotFoundException missing) {
      try {
        glue.createTable(b -> b.databaseName(database).tableInput(input));
        log.info(
            "glue: created table {}.{} at {}",
            database,
            name,
            input.storageDescriptor().location());
        return new TableState(input.storageDescriptor().columns(), List.of());
      } catch (AlreadyExistsException raced) {
        // created by a concurrent run: bring it up to date below
      }
    }
    List<String> changes = new ArrayList<>();
    Table table =
        new TableEdits(glue)
            .edit(
                database,
                name,
                current -> {
                  ColumnMerge merge =
                      new ColumnMerge(
                          database + "." + name,
                          current.storageDescriptor().columns(),
                          ParquetTableDefinition.columns(request.columns()));
                  changes.clear();
                  changes.addAll(merge.changes());
                  return merge.changed()
                      ? Optional.of(
                          TableEdits.withColumns(current, merge.columns(), current.partitionKeys()))
                      : Optional.empty();
                });
    return new TableState(table.storageDescriptor().columns(), List.copyOf(changes));
  }

  /** Partitions Athena reads too: their columns are the table's (see {@link PartitionColumns}). */
  private void alignPartitions(String database, String name, List<Column> columns) {
    int aligned = new PartitionColumns(glue).align(database, name, columns);
    if (aligned > 0) {
      log.info("glue {}.{}: {} partitions given the table's columns", database, name, aligned);
    }
  }

  private record TableState(List<Column> columns, List<String> added) {}
}
