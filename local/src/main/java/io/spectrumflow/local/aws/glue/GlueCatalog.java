package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Glue Data Catalog: databases, tables (with versions) and partitions, kept in memory and
 * written through to {@link CatalogFiles} on every change. Stores what clients sent (so members
 * this class does not know round-trip) plus the members the real service adds. One lock for all:
 * catalog calls are short. Every object handed out is a copy.
 */
public final class GlueCatalog {

  /** The account id the stand-in answers as. */
  public static final String CATALOG_ID = "000000000000";

  static final String CREATED_BY = "arn:aws:iam::" + CATALOG_ID + ":user/spectrumflow-local";

  private final CatalogFiles files;
  private final Clock clock;
  private final Map<String, CatalogDatabase> databases;

  public GlueCatalog(Path dir, Clock clock) {
    this.files = new CatalogFiles(dir);
    this.clock = clock;
    this.databases = files.load();
  }

  /** Glue keeps database and table names in lower case, whatever the caller sent. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  // ---- databases

  public synchronized ObjectNode createDatabase(ObjectNode input) {
    String name = normalize(input.path("Name").asText());
    if (databases.containsKey(name)) {
      throw new AwsException("AlreadyExistsException", "Database already exists.");
    }
    ObjectNode database = input.deepCopy();
    database.put("Name", name);
    database.set("CreateTime", now());
    if (!database.has("CreateTableDefaultPermissions")) {
      database.set("CreateTableDefaultPermissions", defaultPermissions());
    }
    database.put("CatalogId", CATALOG_ID);
    files.saveDatabase(database);
    databases.put(name, new CatalogDatabase(database));
    return database.deepCopy();
  }

  public synchronized ObjectNode database(String name) {
    return databaseEntry(name).json.deepCopy();
  }

  public synchronized boolean hasDatabase(String name) {
    return databases.containsKey(normalize(name));
  }

  public synchronized List<ObjectNode> databases() {
    return databases.values().stream().map(db -> db.json.deepCopy()).toList();
  }

  public synchronized void updateDatabase(String name, ObjectNode input) {
    CatalogDatabase entry = databaseEntry(name);
    ObjectNode database = input.deepCopy();
    database.put("Name", entry.json.path("Name").asText());
    database.set("CreateTime", entry.json.get("CreateTime"));
    database.set(
        "CreateTableDefaultPermissions",
        input.has("CreateTableDefaultPermissions")
            ? input.get("CreateTableDefaultPermissions")
            : entry.json.get("CreateTableDefaultPermissions"));
    database.put("CatalogId", CATALOG_ID);
    files.saveDatabase(database);
    entry.json = database;
  }

  public synchronized void deleteDatabase(String name) {
    CatalogDatabase entry = databaseEntry(name);
    files.deleteDatabase(entry.json.path("Name").asText());
    databases.remove(normalize(name));
  }

  // ---- tables

  public synchronized ObjectNode createTable(String databaseName, ObjectNode input) {
    CatalogDatabase database = databaseEntry(databaseName);
    String name = normalize(input.path("Name").asText());
    if (database.tables.containsKey(name)) {
      throw new AwsException("AlreadyExistsException", "Table already exists.");
    }
    JsonNode now = now();
    ObjectNode table = tableFrom(input, database, name);
    table.set("CreateTime", now);
    table.set("UpdateTime", now);
    table.put("VersionId", "0");
    CatalogTable entry = new CatalogTable(table);
    String db = database.json.path("Name").asText();
    files.saveTable(db, table);
    files.saveVersion(db, table);
    entry.versions.add(table);
    database.tables.put(name, entry);
    return table.deepCopy();
  }

  public synchronized ObjectNode table(String databaseName, String name) {
    return tableEntry(databaseName, name).json.deepCopy();
  }

  /** The table, or null when the database has no such table. */
  public synchronized ObjectNode findTable(String databaseName, String name) {
    CatalogTable table = databaseEntry(databaseName).tables.get(normalize(name));
    return table == null ? null : table.json.deepCopy();
  }

  public synchronized List<ObjectNode> tables(String databaseName) {
    return databaseEntry(databaseName).tables.values().stream()
        .map(t -> t.json.deepCopy())
        .toList();
  }

  /**
   * Replaces a table's definition with {@code input}, keeping what the service owns.
   *
   * @param expectedVersion the caller's VersionId, or null to skip the check
   * @param archive whether the old definition stays listed as a version (SkipArchive=false)
   */
  public synchronized ObjectNode updateTable(
      String databaseName, ObjectNode input, String expectedVersion, boolean archive) {
    CatalogDatabase database = databaseEntry(databaseName);
    CatalogTable entry = tableEntry(databaseName, input.path("Name").asText());
    if (expectedVersion != null && !expectedVersion.equals(entry.versionId())) {
      throw new AwsException(
          "ConcurrentModificationException",
          "Update table failed due to concurrent modifications: expected version "
              + expectedVersion
              + ", current version "
              + entry.versionId());
    }
    ObjectNode table = tableFrom(input, database, entry.json.path("Name").asText());
    table.set("CreateTime", entry.json.get("CreateTime"));
    table.set("UpdateTime", now());
    table.put("VersionId", String.valueOf(Long.parseLong(entry.versionId()) + 1));
    String db = database.json.path("Name").asText();
    files.saveTable(db, table);
    if (archive) {
      files.saveVersion(db, table);
      entry.versions.add(table);
    }
    entry.json = table;
    return table.deepCopy();
  }

  public synchronized void deleteTable(String databaseName, String name) {
    CatalogTable entry = tableEntry(databaseName, name);
    CatalogDatabase database = databaseEntry(databaseName);
    files.deleteTable(database.json.path("Name").asText(), entry.json.path("Name").asText());
    database.tables.remove(normalize(name));
  }

  /** All archived versions of a table, newest first. */
  public synchronized List<ObjectNode> tableVersions(String databaseName, String name) {
    List<ObjectNode> versions = new ArrayList<>();
    tableEntry(databaseName, name).versions.forEach(v -> versions.add(0, v.deepCopy()));
    return versions;
  }

  private ObjectNode tableFrom(ObjectNode input, CatalogDatabase database, String name) {
    ObjectNode table = input.deepCopy();
    table.put("Name", name);
    table.put("DatabaseName", database.json.path("Name").asText());
    if (!table.has("Retention")) {
      table.put("Retention", 0);
    }
    if (!table.has("PartitionKeys")) {
      table.putArray("PartitionKeys");
    }
    table.put("CreatedBy", CREATED_BY);
    table.put("IsRegisteredWithLakeFormation", false);
    table.put("CatalogId", CATALOG_ID);
    table.put("IsMultiDialectView", false);
    return table;
  }

  // ---- partitions

  public synchronized ObjectNode createPartition(String db, String tableName, ObjectNode input) {
    CatalogTable table = tableEntry(db, tableName);
    List<String> values = CatalogFiles.values(input);
    checkArity(table, values);
    if (table.partitions.containsKey(values)) {
      throw new AwsException("AlreadyExistsException", "Partition already exists.");
    }
    ObjectNode partition = partitionFrom(input, table);
    partition.set("CreationTime", now());
    files.savePartition(table.json.path("DatabaseName").asText(), tableNameOf(table), partition);
    table.partitions.put(values, partition);
    return partition.deepCopy();
  }

  public synchronized ObjectNode partition(String db, String tableName, List<String> values) {
    return partitionEntry(tableEntry(db, tableName), values).deepCopy();
  }

  /** The partition, or null when the table has no such partition. */
  public synchronized ObjectNode findPartition(String db, String tableName, List<String> values) {
    ObjectNode partition = tableEntry(db, tableName).partitions.get(values);
    return partition == null ? null : partition.deepCopy();
  }

  public synchronized List<ObjectNode> partitions(String db, String tableName) {
    return tableEntry(db, tableName).partitions.values().stream().map(p -> p.deepCopy()).toList();
  }

  /** Replaces a partition; its values may change, as in Glue. */
  public synchronized void updatePartition(
      String db, String tableName, List<String> values, ObjectNode input) {
    CatalogTable table = tableEntry(db, tableName);
    ObjectNode old = partitionEntry(table, values);
    List<String> newValues = CatalogFiles.values(input);
    checkArity(table, newValues);
    if (!newValues.equals(values) && table.partitions.containsKey(newValues)) {
      throw new AwsException("AlreadyExistsException", "Partition already exists.");
    }
    ObjectNode partition = partitionFrom(input, table);
    partition.set("CreationTime", old.get("CreationTime"));
    String database = table.json.path("DatabaseName").asText();
    files.savePartition(database, tableNameOf(table), partition);
    if (!newValues.equals(values)) {
      files.deletePartition(database, tableNameOf(table), values);
      table.partitions.remove(values);
    }
    table.partitions.put(newValues, partition);
  }

  public synchronized void deletePartition(String db, String tableName, List<String> values) {
    CatalogTable table = tableEntry(db, tableName);
    partitionEntry(table, values);
    files.deletePartition(table.json.path("DatabaseName").asText(), tableNameOf(table), values);
    table.partitions.remove(values);
  }

  private ObjectNode partitionFrom(ObjectNode input, CatalogTable table) {
    ObjectNode partition = input.deepCopy();
    partition.put("DatabaseName", table.json.path("DatabaseName").asText());
    partition.put("TableName", tableNameOf(table));
    partition.put("CatalogId", CATALOG_ID);
    return partition;
  }

  private static void checkArity(CatalogTable table, List<String> values) {
    if (values.size() != table.json.path("PartitionKeys").size()) {
      throw new AwsException(
          "InvalidInputException",
          "The number of partition keys do not match the number of partition values");
    }
  }

  private static String tableNameOf(CatalogTable table) {
    return table.json.path("Name").asText();
  }

  // ---- lookups

  private CatalogDatabase databaseEntry(String name) {
    CatalogDatabase database = databases.get(normalize(name));
    if (database == null) {
      throw new AwsException("EntityNotFoundException", "Database " + name + " not found.");
    }
    return database;
  }

  private CatalogTable tableEntry(String databaseName, String name) {
    CatalogTable table = databaseEntry(databaseName).tables.get(normalize(name));
    if (table == null) {
      throw new AwsException("EntityNotFoundException", "Table " + name + " not found.");
    }
    return table;
  }

  private static ObjectNode partitionEntry(CatalogTable table, List<String> values) {
    ObjectNode partition = table.partitions.get(values);
    if (partition == null) {
      throw new AwsException("EntityNotFoundException", "Partition not found.");
    }
    return partition;
  }

  private JsonNode now() {
    return AwsJson.epochSeconds(clock.instant());
  }

  private static ArrayNode defaultPermissions() {
    ArrayNode permissions = AwsJson.MAPPER.createArrayNode();
    ObjectNode permission = permissions.addObject();
    permission.putObject("Principal").put("DataLakePrincipalIdentifier", "IAM_ALLOWED_PRINCIPALS");
    permission.putArray("Permissions").add("ALL");
    return permissions;
  }
}
