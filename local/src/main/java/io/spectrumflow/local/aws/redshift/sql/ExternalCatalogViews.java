package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Redshift's system views of external schemas — {@code SVV_EXTERNAL_SCHEMAS}, {@code
 * SVV_EXTERNAL_TABLES}, {@code SVV_EXTERNAL_COLUMNS} and {@code SVV_EXTERNAL_PARTITIONS} — with
 * Redshift's columns, filled from the database's external schemas and the Glue catalog when a
 * statement names one of them, as temporary tables that the statement's own SQL then reads.
 */
final class ExternalCatalogViews {

  private static final Map<String, String> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "svv_external_schemas",
        "esoid INTEGER, eskind SMALLINT, schemaname VARCHAR, esowner INTEGER,"
            + " databasename VARCHAR, esoptions VARCHAR");
    COLUMNS.put(
        "svv_external_tables",
        "redshift_database_name VARCHAR, schemaname VARCHAR, tablename VARCHAR,"
            + " tabletype VARCHAR, location VARCHAR, input_format VARCHAR, output_format VARCHAR,"
            + " serialization_lib VARCHAR, serde_parameters VARCHAR, compressed INTEGER,"
            + " parameters VARCHAR");
    COLUMNS.put(
        "svv_external_columns",
        "redshift_database_name VARCHAR, schemaname VARCHAR, tablename VARCHAR,"
            + " columnname VARCHAR, external_type VARCHAR, columnnum INTEGER, part_key INTEGER,"
            + " is_nullable VARCHAR");
    COLUMNS.put(
        "svv_external_partitions",
        "schemaname VARCHAR, tablename VARCHAR, \"values\" VARCHAR, location VARCHAR,"
            + " input_format VARCHAR, output_format VARCHAR, serialization_lib VARCHAR,"
            + " serde_parameters VARCHAR, compressed INTEGER, parameters VARCHAR");
  }

  private static final Pattern MENTION =
      Pattern.compile("(?i)\\bsvv_external_(schemas|tables|columns|partitions)\\b");

  /** Redshift's kind of an external schema on the AWS Glue Data Catalog. */
  private static final int DATA_CATALOG = 1;

  /** The owner Redshift shows for schemas created by the (only) admin user. */
  private static final int OWNER = 100;

  /** Redshift cuts a partition's location to this many characters in the view. */
  private static final int PARTITION_LOCATION_CHARS = 128;

  private final SpectrumCatalog catalog;

  ExternalCatalogViews(SpectrumCatalog catalog) {
    this.catalog = catalog;
  }

  /** Whether the statement names one of the views. */
  static boolean mentioned(String sql) {
    return MENTION.matcher(sql).find();
  }

  /** Fills the views as they are now, for the next statement on this connection. */
  void create(Connection connection, String database, Map<String, ExternalSchema> schemas)
      throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (Map.Entry<String, String> view : COLUMNS.entrySet()) {
        statement.execute(
            "CREATE OR REPLACE TEMP TABLE " + view.getKey() + " (" + view.getValue() + ")");
      }
    }
    int oid = 0;
    for (ExternalSchema schema : schemas.values()) {
      insert(
          connection,
          "svv_external_schemas",
          ++oid + 100_000,
          DATA_CATALOG,
          schema.name(),
          OWNER,
          schema.glueDatabase(),
          options(schema));
      if (!catalog.hasDatabase(schema.glueDatabase())) {
        continue;
      }
      for (ObjectNode table : catalog.tables(schema.glueDatabase())) {
        addTable(connection, database, schema, table);
      }
    }
  }

  /** Removes the views again: they are filled anew for each statement that names them. */
  static void drop(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String view : COLUMNS.keySet()) {
        statement.execute("DROP TABLE IF EXISTS temp.main." + view);
      }
    }
  }

  private void addTable(
      Connection connection, String database, ExternalSchema schema, ObjectNode table)
      throws SQLException {
    String name = table.path("Name").asText();
    JsonNode storage = table.path("StorageDescriptor");
    insert(
        connection,
        "svv_external_tables",
        database,
        schema.name(),
        name,
        table.path("TableType").asText(""),
        storage.path("Location").asText(""),
        storage.path("InputFormat").asText(""),
        storage.path("OutputFormat").asText(""),
        storage.path("SerdeInfo").path("SerializationLibrary").asText(""),
        json(storage.path("SerdeInfo").path("Parameters")),
        storage.path("Compressed").asBoolean(false) ? 1 : 0,
        json(table.path("Parameters")));
    // data columns first, then the partition keys, numbered on from them
    List<JsonNode> columns = new ArrayList<>();
    storage.path("Columns").forEach(columns::add);
    int dataColumns = columns.size();
    table.path("PartitionKeys").forEach(columns::add);
    for (int i = 0; i < columns.size(); i++) {
      insert(
          connection,
          "svv_external_columns",
          database,
          schema.name(),
          name,
          columns.get(i).path("Name").asText(),
          columns.get(i).path("Type").asText(),
          i + 1,
          i < dataColumns ? 0 : i - dataColumns + 1,
          "");
    }
    if (columns.size() == dataColumns) {
      return; // not partitioned
    }
    List<ObjectNode> partitions;
    try {
      partitions = catalog.partitions(schema.glueDatabase(), name);
    } catch (AwsException gone) {
      return; // dropped since it was listed
    }
    for (ObjectNode partition : partitions) {
      JsonNode partitionStorage = partition.path("StorageDescriptor");
      String location = partitionStorage.path("Location").asText("");
      insert(
          connection,
          "svv_external_partitions",
          schema.name(),
          name,
          json(partition.path("Values")),
          location.substring(0, Math.min(location.length(), PARTITION_LOCATION_CHARS)),
          partitionStorage.path("InputFormat").asText(""),
          partitionStorage.path("OutputFormat").asText(""),
          partitionStorage.path("SerdeInfo").path("SerializationLibrary").asText(""),
          json(partitionStorage.path("SerdeInfo").path("Parameters")),
          partitionStorage.path("Compressed").asBoolean(false) ? 1 : 0,
          json(partition.path("Parameters")));
    }
  }

  /** The schema's options as Redshift shows them: {@code {"IAM_ROLE":"...","REGION":"..."}}. */
  private static String options(ExternalSchema schema) {
    ObjectNode options = AwsJson.object();
    options.put("IAM_ROLE", schema.iamRole());
    if (schema.region() != null) {
      options.put("REGION", schema.region());
    }
    if (schema.catalogRole() != null) {
      options.put("CATALOG_ROLE", schema.catalogRole());
    }
    return options.toString();
  }

  private static String json(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? "{}" : node.toString();
  }

  private static void insert(Connection connection, String view, Object... values)
      throws SQLException {
    List<String> marks = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      marks.add("?");
    }
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO temp.main." + view + " VALUES (" + String.join(", ", marks) + ")")) {
      for (int i = 0; i < values.length; i++) {
        insert.setObject(i + 1, values[i]);
      }
      insert.executeUpdate();
    }
  }
}
