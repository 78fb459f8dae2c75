package io.spectrumflow.local.aws.glue.crawler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.glue.GlueCatalog;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes what a crawl found to the catalog as Glue's crawler does. A new table is created with its
 * partitions. An existing one (same name and location) follows the SchemaChangePolicy: with
 * UPDATE_IN_DATABASE its columns and partition keys are set from the crawl (so a renamed partition
 * key is renamed back), or, with MergeNewColumns, it only gets the new columns; with LOG it stays
 * as it is. New partitions are always added; with InheritFromTable every partition takes the
 * table's columns and formats, matching the table's keys by position.
 */
final class CrawlerCatalogWriter {

  /** What the crawl did to one table. */
  record Outcome(String tableName, boolean created, boolean updated) {}

  private final GlueCatalog catalog;

  CrawlerCatalogWriter(GlueCatalog catalog) {
    this.catalog = catalog;
  }

  Outcome write(String database, CrawledTable crawled, WritePolicy policy) {
    ensureDatabase(database);
    String name = crawled.name();
    ObjectNode existing = catalog.findTable(database, name);
    if (existing != null && !sameLocation(existing, crawled.location())) {
      // the name belongs to data elsewhere: the crawler's table gets a suffix instead
      name = GlueTableNames.withHash(name, crawled.location());
      existing = catalog.findTable(database, name);
    }
    boolean created = false;
    boolean updated = false;
    ObjectNode table;
    if (existing == null) {
      table = catalog.createTable(database, newTable(name, crawled, policy));
      created = true;
    } else if (policy.updateInDatabase()) {
      ObjectNode input = updatedTable(existing, crawled, policy);
      if (sameDefinition(input, existing)) {
        table = existing;
      } else {
        table = catalog.updateTable(database, input, null, true);
        updated = true;
      }
    } else {
      table = existing;
    }
    updated |= writePartitions(database, table, crawled, policy);
    return new Outcome(name, created, updated && !created);
  }

  private void ensureDatabase(String database) {
    if (!catalog.hasDatabase(database)) {
      try {
        catalog.createDatabase(AwsJson.object().put("Name", database));
      } catch (AwsException e) {
        if (!"AlreadyExistsException".equals(e.type())) {
          throw e;
        }
      }
    }
  }

  private static boolean sameLocation(ObjectNode table, String location) {
    String existing = table.path("StorageDescriptor").path("Location").asText("");
    return withSlash(existing).equals(withSlash(location));
  }

  private static String withSlash(String location) {
    return location.endsWith("/") ? location : location + "/";
  }

  private static ObjectNode newTable(String name, CrawledTable crawled, WritePolicy policy) {
    ObjectNode parameters = ParquetTableJson.tableParameters(crawled.stats(), policy.crawlerName());
    ObjectNode table = AwsJson.object();
    table.put("Name", name);
    table.put("Owner", "owner");
    table.put("Retention", 0);
    table.set("PartitionKeys", ParquetTableJson.partitionKeys(crawled.partitionKeys()));
    table.put("TableType", "EXTERNAL_TABLE");
    table.set("Parameters", parameters);
    table.set(
        "StorageDescriptor",
        ParquetTableJson.storageDescriptor(
            crawled.columns(), crawled.location(), parameters.deepCopy()));
    return table;
  }

  private static ObjectNode updatedTable(
      ObjectNode existing, CrawledTable crawled, WritePolicy policy) {
    ObjectNode input = existing.deepCopy();
    ObjectNode crawlerParameters =
        ParquetTableJson.tableParameters(crawled.stats(), policy.crawlerName());
    ObjectNode sd = ParquetTableJson.merged(existing.get("StorageDescriptor"), AwsJson.object());
    if (policy.mergeNewColumns()) {
      sd.set("Columns", withNewColumns(sd.path("Columns"), crawled.columns()));
    } else {
      sd.set("Columns", ParquetTableJson.columns(crawled.columns()));
      input.set("PartitionKeys", ParquetTableJson.partitionKeys(crawled.partitionKeys()));
    }
    sd.put("Location", crawled.location());
    ParquetTableJson.setParquetFormat(sd);
    sd.set("Parameters", ParquetTableJson.merged(sd.get("Parameters"), crawlerParameters));
    input.set("StorageDescriptor", sd);
    input.set("Parameters", ParquetTableJson.merged(existing.get("Parameters"), crawlerParameters));
    input.put("TableType", "EXTERNAL_TABLE");
    return input;
  }

  /** The existing columns as they are, then the crawled ones whose names are new. */
  private static ArrayNode withNewColumns(JsonNode existing, List<CrawledColumn> crawled) {
    ArrayNode columns = AwsJson.MAPPER.createArrayNode();
    Set<String> names = new HashSet<>();
    for (JsonNode column : existing) {
      columns.add(column.deepCopy());
      names.add(column.path("Name").asText().toLowerCase(Locale.ROOT));
    }
    for (CrawledColumn column : crawled) {
      if (names.add(column.name())) {
        columns.addObject().put("Name", column.name()).put("Type", column.type());
      }
    }
    return columns;
  }

  private static boolean sameDefinition(ObjectNode input, ObjectNode existing) {
    for (String member : List.of("StorageDescriptor", "PartitionKeys", "Parameters", "TableType")) {
      if (!input.path(member).equals(existing.path(member))) {
        return false;
      }
    }
    return true;
  }

  /** Adds new partitions and updates existing ones as the policy says; true when any changed. */
  private boolean writePartitions(
      String database, ObjectNode table, CrawledTable crawled, WritePolicy policy) {
    int arity = table.path("PartitionKeys").size();
    String name = table.path("Name").asText();
    boolean changed = false;
    for (CrawledPartition partition : crawled.partitions()) {
      if (partition.values().size() != arity) {
        continue; // the table keeps another layout (LOG): these folders do not fit it
      }
      ObjectNode desired = partitionInput(table, partition, policy);
      ObjectNode current = catalog.findPartition(database, name, partition.values());
      if (current == null) {
        try {
          catalog.createPartition(database, name, desired);
          changed = true;
        } catch (AwsException e) {
          if (!"AlreadyExistsException".equals(e.type())) {
            throw e;
          }
        }
      } else if ((policy.updateInDatabase() || policy.inheritFromTable())
          && !(desired.path("StorageDescriptor").equals(current.path("StorageDescriptor"))
              && desired.path("Parameters").equals(current.path("Parameters")))) {
        ObjectNode input = ParquetTableJson.merged(current, desired);
        catalog.updatePartition(database, name, partition.values(), input);
        changed = true;
      }
    }
    return changed;
  }

  private static ObjectNode partitionInput(
      ObjectNode table, CrawledPartition partition, WritePolicy policy) {
    ObjectNode parameters = ParquetTableJson.partitionParameters(partition.stats());
    ObjectNode sd;
    if (policy.inheritFromTable()) {
      sd = ParquetTableJson.merged(table.get("StorageDescriptor"), AwsJson.object());
      sd.put("Location", partition.location());
      sd.set("Parameters", parameters.deepCopy());
    } else {
      sd =
          ParquetTableJson.storageDescriptor(
              partition.columns(), partition.location(), parameters.deepCopy());
    }
    ObjectNode input = AwsJson.object();
    ArrayNode values = input.putArray("Values");
    partition.values().forEach(values::add);
    input.set("StorageDescriptor", sd);
    input.set("Parameters", parameters);
    return input;
  }
}
