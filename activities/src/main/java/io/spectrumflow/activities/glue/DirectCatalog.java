package io.spectrumflow.activities.glue;

import io.spectrumflow.workflows.export.CatalogRequest;
import io.spectrumflow.workflows.export.CatalogResult;
import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.AlreadyExistsException;
import software.amazon.awssdk.services.glue.model.BatchCreatePartitionResponse;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.ConcurrentModificationException;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * Direct mode: the catalog is written by us rather than discovered by a crawler. Every call is
 * idempotent, so a retried activity converges on the same catalog.
 */
public final class DirectCatalog {

  private static final Logger log = LoggerFactory.getLogger(DirectCatalog.class);
  private static final int PARTITIONS_PER_CALL = 100; // BatchCreatePartition's limit
  private static final int UPDATE_ATTEMPTS = 5;

  private final GlueClient glue;

  public DirectCatalog(GlueClient glue) {
    this.glue = glue;
  }

  public CatalogResult register(CatalogRequest request) {
    PipelineSpec pipeline = request.pipeline();
    String database = pipeline.catalog().database();
    ensureDatabase(database);
    ParquetTableDefinition definition = new ParquetTableDefinition(pipeline);
    TableState table = ensureTable(database, definition, request);
    int created = 0;
    int existing = 0;
    for (int from = 0; from < request.partitionValues().size(); from += PARTITIONS_PER_CALL) {
      List<PartitionInput> inputs = new ArrayList<>();
      for (String value :
          request
              .partitionValues()
              .subList(
                  from, Math.min(from + PARTITIONS_PER_CALL, request.partitionValues().size()))) {
        inputs.add(definition.partition(table.columns, value));
      }
      BatchCreatePartitionResponse response =
          glue.batchCreatePartition(
              b ->
                  b.databaseName(database)
                      .tableName(pipeline.catalog().table())
                      .partitionInputList(inputs));
      int alreadyThere = alreadyExisting(response.errors());
      existing += alreadyThere;
      created += inputs.size() - alreadyThere;
    }
    log.info(
        "glue {}.{}: {} partitions registered, {} already there{}",
        database,
        pipeline.catalog().table(),
        created,
        existing,
        table.added.isEmpty() ? "" : "; columns added: " + table.added);
    return new CatalogResult(
        database,
        pipeline.catalog().table(),
        pipeline.tableLocation(),
        created,
        existing,
        table.added);
  }

  private void ensureDatabase(String database) {
    try {
      glue.getDatabase(b -> b.name(database));
    } catch (EntityNotFoundException missing) {
      try {
        glue.createDatabase(
            b ->
                b.databaseInput(
                    d -> d.name(database).description("Tables written by Spectrumflow")));
        log.info("glue: created database {}", database);
      } catch (AlreadyExistsException raced) {
        // another run created it between our two calls
      }
    }
  }

  /**
   * Creates the table, or adds to it the columns this batch brought. Column updates use the table's
   * VersionId, so two batches adding different columns at once both land.
   */
  private TableState ensureTable(
      String database, ParquetTableDefinition definition, CatalogRequest request) {
    String name = request.pipeline().catalog().table();
    for (int attempt = 1; ; attempt++) {
      Table table;
      try {
        table = glue.getTable(b -> b.databaseName(database).name(name)).table();
      } catch (EntityNotFoundException missing) {
        TableInput input = definition.table(request.columns());
        try {
          glue.createTable(b -> b.databaseName(database).tableInput(input));
          log.info(
              "glue: created table {}.{} at {}",
              database,
              name,
              input.storageDescriptor().location());
          return new TableState(input.storageDescriptor().columns(), List.of());
        } catch (AlreadyExistsException raced) {
          continue;
        }
      }
      List<Column> current = table.storageDescriptor().columns();
      List<Column> wanted = ParquetTableDefinition.columns(request.columns());
      List<Column> merged = merge(database, name, current, wanted);
      if (merged.size() == current.size()) {
        return new TableState(current, List.of());
      }
      List<String> added =
          merged.subList(current.size(), merged.size()).stream().map(Column::name).toList();
      try {
        glue.updateTable(
            b ->
                b.databaseName(database)
                    .versionId(table.versionId())
                    .tableInput(withColumns(table, merged)));
        return new TableState(merged, added);
      } catch (ConcurrentModificationException raced) {
        if (attempt >= UPDATE_ATTEMPTS) {
          throw raced;
        }
      }
    }
  }

  /** The table's columns followed by the new ones; a column whose type differs is refused. */
  private static List<Column> merge(
      String database, String table, List<Column> current, List<Column> wanted) {
    Map<String, String> types = new HashMap<>();
    current.forEach(c -> types.put(c.name(), c.type()));
    List<Column> merged = new ArrayList<>(current);
    for (Column column : wanted) {
      String existingType = types.get(column.name());
      if (existingType == null) {
        merged.add(column);
      } else if (!existingType.equalsIgnoreCase(column.type())) {
        throw ApplicationFailure.newNonRetryableFailure(
            "column '"
                + column.name()
                + "' is "
                + existingType
                + " in Glue table "
                + database
                + "."
                + table
                + " but this batch has "
                + column.type()
                + ": give the column its table type in the pipeline's schema, or write to a new"
                + " table",
            ExportFailures.BAD_INPUT);
      }
    }
    return merged;
  }

  private static TableInput withColumns(Table table, List<Column> columns) {
    return TableInput.builder()
        .name(table.name())
        .description(table.description())
        .owner(table.owner())
        .retention(table.retention())
        .tableType(table.tableType())
        .parameters(table.parameters())
        .partitionKeys(table.partitionKeys())
        .storageDescriptor(table.storageDescriptor().toBuilder().columns(columns).build())
        .build();
  }

  private static int alreadyExisting(List<PartitionError> errors) {
    int existing = 0;
    for (PartitionError error : errors) {
      String code = error.errorDetail() == null ? null : error.errorDetail().errorCode();
      if ("AlreadyExistsException".equals(code)) {
        existing++;
      } else {
        throw ApplicationFailure.newFailure(
            "Glue BatchCreatePartition failed for "
                + error.partitionValues()
                + ": "
                + code
                + " "
                + (error.errorDetail() == null ? "" : error.errorDetail().errorMessage()),
            "AwsCallFailed");
      }
    }
    return existing;
  }

  private record TableState(List<Column> columns, List<String> added) {}
}
