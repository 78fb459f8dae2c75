package io.spectrumflow.local.aws.glue;

import io.spectrumflow.local.aws.http.JsonService;
import io.spectrumflow.local.aws.http.Operation;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Glue service: the one table of operation names to handlers. Later parts (crawlers) add their
 * operations through {@code more}.
 */
public final class GlueService {

  private GlueService() {}

  public static JsonService of(GlueCatalog catalog, Map<String, Operation> more) {
    return of(catalog, new GlueFaults(), more);
  }

  /**
   * @param faults the awkward answers tests turn on (see {@link GlueFaults})
   */
  public static JsonService of(
      GlueCatalog catalog, GlueFaults faults, Map<String, Operation> more) {
    GlueDatabaseOperations databases = new GlueDatabaseOperations(catalog);
    GlueTableOperations tables = new GlueTableOperations(catalog);
    GluePartitionOperations partitions = new GluePartitionOperations(catalog, faults);
    Map<String, Operation> operations = new TreeMap<>();
    operations.put("CreateDatabase", databases::create);
    operations.put("GetDatabase", databases::get);
    operations.put("GetDatabases", databases::list);
    operations.put("UpdateDatabase", databases::update);
    operations.put("DeleteDatabase", databases::delete);
    operations.put("CreateTable", tables::create);
    operations.put("GetTable", tables::get);
    operations.put("GetTables", tables::list);
    operations.put("UpdateTable", tables::update);
    operations.put("DeleteTable", tables::delete);
    operations.put("BatchDeleteTable", tables::batchDelete);
    operations.put("GetTableVersions", tables::versions);
    operations.put("GetTableVersion", tables::version);
    operations.put("CreatePartition", partitions::create);
    operations.put("BatchCreatePartition", partitions::batchCreate);
    operations.put("GetPartition", partitions::get);
    operations.put("GetPartitions", partitions::list);
    operations.put("BatchGetPartition", partitions::batchGet);
    operations.put("UpdatePartition", partitions::update);
    operations.put("BatchUpdatePartition", partitions::batchUpdate);
    operations.put("DeletePartition", partitions::delete);
    operations.put("BatchDeletePartition", partitions::batchDelete);
    operations.putAll(more);
    operations.replaceAll(
        (name, operation) ->
            request -> {
              faults.throttleIfTurnedOn(name);
              return operation.invoke(request);
            });
    return new JsonService(
        "AWSGlue", "InvalidInputException", "InternalServiceException", operations);
  }
}
