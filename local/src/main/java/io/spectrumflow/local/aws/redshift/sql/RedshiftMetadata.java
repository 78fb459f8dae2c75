package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a Redshift database holds, as the Data API lists it: local schemas and tables from DuckDB's
 * information schema (its own {@code main} schema hidden), external ones from the Glue catalog.
 */
public final class RedshiftMetadata {

  /** A table as ListTables shows it; {@code type} is TABLE, VIEW or EXTERNAL TABLE. */
  public record TableEntry(String schema, String name, String type) {}

  private final RedshiftDatabase database;
  private final SpectrumCatalog catalog;

  RedshiftMetadata(RedshiftDatabase database, SpectrumCatalog catalog) {
    this.database = database;
    this.catalog = catalog;
  }

  public List<String> schemas() throws RedshiftSqlException {
    TreeSet<String> schemas = new TreeSet<>(List.of("information_schema", "pg_catalog"));
    query(
        "SELECT schema_name FROM information_schema.schemata WHERE catalog_name = ?"
            + " AND schema_name <> 'main'",
        rs -> schemas.add(rs.getString(1)));
    schemas.addAll(database.externalSchemas.names());
    return new ArrayList<>(schemas);
  }

  public List<TableEntry> tables() throws RedshiftSqlException {
    List<TableEntry> tables = new ArrayList<>();
    query(
        "SELECT table_schema, table_name, table_type FROM information_schema.tables"
            + " WHERE table_catalog = ? AND table_schema <> 'main'",
        rs ->
            tables.add(
                new TableEntry(
                    rs.getString(1),
                    rs.getString(2),
                    "VIEW".equals(rs.getString(3)) ? "VIEW" : "TABLE")));
    for (ExternalSchema schema : database.externalSchemas.all().values()) {
      for (ObjectNode table : glueTables(schema.glueDatabase())) {
        tables.add(new TableEntry(schema.name(), table.path("Name").asText(), "EXTERNAL TABLE"));
      }
    }
    return tables;
  }

  /** The table's columns as ColumnMetadata; empty when there is no such table. */
  public ArrayNode columns(String schema, String table) throws RedshiftSqlException {
    ArrayNode columns = AwsJson.MAPPER.createArrayNode();
    Optional<ExternalSchema> external = database.externalSchemas.get(schema);
    if (external.isPresent()) {
      Optional<ObjectNode> glueTable = glueTable(external.get().glueDatabase(), table);
      if (glueTable.isPresent()) {
        JsonNode json = glueTable.get();
        List<JsonNode> all = new ArrayList<>();
        json.path("StorageDescriptor").path("Columns").forEach(all::add);
        json.path("PartitionKeys").forEach(all::add);
        for (JsonNode column : all) {
          RedshiftType type = GlueColumnType.redshiftType(column.path("Type").asText());
          columns.add(describe(column.path("Name").asText(), type, schema, table, null));
        }
      }
      return columns;
    }
    query(
        "SELECT column_name, data_type, column_default FROM information_schema.columns"
            + " WHERE table_catalog = ? AND table_schema = '"
            + schema.replace("'", "''")
            + "' AND table_name = '"
            + table.replace("'", "''")
            + "' ORDER BY ordinal_position",
        rs ->
            columns.add(
                describe(
                    rs.getString(1),
                    RedshiftType.ofDuckDb(rs.getString(2)),
                    schema,
                    table,
                    rs.getString(3))));
    return columns;
  }

  private static ObjectNode describe(
      String name, RedshiftType type, String schema, String table, String columnDefault) {
    ObjectNode column = ResultReader.columnMetadata(name, type);
    column.put("schemaName", schema).put("tableName", table);
    if (columnDefault != null) {
      column.put("columnDefault", columnDefault);
    }
    return column;
  }

  private List<ObjectNode> glueTables(String glueDatabase) {
    try {
      return catalog.tables(glueDatabase);
    } catch (AwsException e) {
      return List.of(); // the Glue database is gone: its schema shows no tables, as in Redshift
    }
  }

  private Optional<ObjectNode> glueTable(String glueDatabase, String table) {
    try {
      return Optional.of(catalog.table(glueDatabase, table));
    } catch (AwsException e) {
      return Optional.empty();
    }
  }

  private interface RowConsumer {
    void accept(ResultSet row) throws SQLException;
  }

  /** Runs a query whose one parameter is the DuckDB catalog of this database. */
  private void query(String sql, RowConsumer consumer) throws RedshiftSqlException {
    try (Connection connection = database.connect();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, database.duckDbCatalog());
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          consumer.accept(rs);
        }
      }
    } catch (SQLException e) {
      throw new RedshiftSqlException(RedshiftErrors.message(e, sql), e);
    }
  }
}
