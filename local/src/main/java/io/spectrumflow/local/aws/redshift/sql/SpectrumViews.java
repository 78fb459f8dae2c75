package io.spectrumflow.local.aws.redshift.sql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.s3.S3File;
import io.spectrumflow.local.aws.s3.S3ObjectCache;
import io.spectrumflow.local.aws.s3.S3ReadException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes external tables queryable in DuckDB as Spectrum sees them: one view per Glue table over the
 * Parquet objects of its registered partitions (or everything under an unpartitioned table's
 * location), listed through S3 now, with exactly the Glue columns cast to their Glue types, then
 * the partition keys, then, when asked for, the pseudo-columns {@code $path} and {@code $size}.
 * Text longer than its column is handled as the table's {@code surplus_char_handling} says ({@link
 * SurplusCharHandling}: NULL by default, as in Spectrum).
 */
final class SpectrumViews {

  /** The in-memory DuckDB catalog that holds one schema of views per external schema. */
  static final String CATALOG = "__spectrum";

  private static final String FILE_COLUMN = "__spectrum_file";
  private static final String HIVE_NULL = "__HIVE_DEFAULT_PARTITION__";

  private final SpectrumCatalog catalog;
  private final S3ObjectCache cache;

  SpectrumViews(SpectrumCatalog catalog, S3ObjectCache cache) {
    this.catalog = catalog;
    this.cache = cache;
  }

  /** A Parquet object of the table and the partition values its rows get. */
  private record TableFile(Path local, S3File object, List<String> partitionValues) {}

  /** Creates or replaces the views of the named tables; a table Glue lacks loses its view. */
  void refresh(
      Connection connection,
      ExternalSchemas schemas,
      Set<SqlText.TableName> tables,
      boolean pseudoColumns)
      throws SQLException, RedshiftSqlException {
    try (Statement statement = connection.createStatement()) {
      for (SqlText.TableName name : tables) {
        ExternalSchema schema = schemas.get(name.schema()).orElseThrow();
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + "." + quote(schema.name()));
        String view = CATALOG + "." + quote(schema.name()) + "." + quote(name.table());
        Optional<ObjectNode> table = glueTable(schema.glueDatabase(), name.table());
        if (table.isEmpty()) {
          statement.execute("DROP VIEW IF EXISTS " + view);
          continue;
        }
        String select = select(connection, schema.glueDatabase(), table.get(), pseudoColumns);
        statement.execute("CREATE OR REPLACE VIEW " + view + " AS " + select);
      }
    }
  }

  /** Drops the views of an external schema that is gone. */
  static void drop(Connection connection, String schema) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + CATALOG + "." + quote(schema) + " CASCADE");
    }
  }

  private Optional<ObjectNode> glueTable(String database, String table) {
    try {
      return Optional.of(catalog.table(database, table));
    } catch (AwsException e) {
      return Optional.empty();
    }
  }

  private String select(
      Connection connection, String database, ObjectNode table, boolean pseudoColumns)
      throws SQLException, RedshiftSqlException {
    JsonNode columns = table.path("StorageDescriptor").path("Columns");
    JsonNode keys = table.path("PartitionKeys");
    List<TableFile> files = files(database, table);
    List<String> select = new ArrayList<>();
    if (files.isEmpty()) {
      columns.forEach(c -> select.add(nullColumn(c)));
      keys.forEach(k -> select.add(nullColumn(k)));
      if (pseudoColumns) {
        select.add("CAST(NULL AS VARCHAR) AS \"$path\"");
        select.add("CAST(NULL AS BIGINT) AS \"$size\"");
      }
      return "SELECT " + String.join(", ", select) + " WHERE false";
    }
    String paths =
        files.stream()
            .map(f -> literal(f.local().toString()))
            .collect(Collectors.toCollection(LinkedHashSet::new))
            .stream()
            .collect(Collectors.joining(", ", "[", "]"));
    String read =
        "read_parquet("
            + paths
            + ", union_by_name = true, binary_as_string = true, filename = '"
            + FILE_COLUMN
            + "')";
    Map<String, String> present = fileColumns(connection, read);
    SurplusCharHandling surplus = SurplusCharHandling.of(table);
    List<String> keep = new ArrayList<>();
    for (JsonNode column : columns) {
      String name = column.path("Name").asText();
      String fileType = present.get(name.toLowerCase(Locale.ROOT));
      if (fileType != null) {
        String glueType = column.path("Type").asText();
        String value = cast("f." + quote(name), fileType, glueType);
        select.add(surplus.value(value, name, glueType) + " AS " + quote(name));
        String kept = surplus.keepRow(value, glueType);
        if (kept != null) {
          keep.add(kept);
        }
      } else {
        select.add(nullColumn(column));
      }
    }
    for (int i = 0; i < keys.size(); i++) {
      JsonNode key = keys.get(i);
      select.add(
          cast("m.p" + i, "VARCHAR", key.path("Type").asText())
              + " AS "
              + quote(key.path("Name").asText()));
    }
    if (pseudoColumns) {
      select.add("m.path AS \"$path\"");
      select.add("m.size AS \"$size\"");
    }
    List<String> mapping = new ArrayList<>();
    for (TableFile file : files) {
      StringBuilder row = new StringBuilder("(");
      row.append(literal(file.local().toString())).append(", ");
      row.append(literal(file.object().uri())).append(", ");
      row.append(file.object().size()).append("::BIGINT");
      for (String value : file.partitionValues()) {
        row.append(", ").append(HIVE_NULL.equals(value) ? "NULL::VARCHAR" : literal(value));
      }
      mapping.add(row.append(')').toString());
    }
    StringBuilder mappingColumns = new StringBuilder("file, path, size");
    for (int i = 0; i < keys.size(); i++) {
      mappingColumns.append(", p").append(i);
    }
    return "SELECT "
        + String.join(", ", select)
        + " FROM "
        + read
        + " f JOIN (VALUES "
        + String.join(", ", mapping)
        + ") m("
        + mappingColumns
        + ") ON f."
        + FILE_COLUMN
        + " = m.file"
        + (keep.isEmpty() ? "" : " WHERE " + String.join(" AND ", keep));
  }

  private List<TableFile> files(String database, ObjectNode table) throws RedshiftSqlException {
    List<TableFile> files = new ArrayList<>();
    if (table.path("PartitionKeys").isEmpty()) {
      String location = table.path("StorageDescriptor").path("Location").asText("");
      addFiles(files, location, List.of());
      return files;
    }
    // only registered partitions are seen, as in Spectrum
    for (ObjectNode partition : catalog.partitions(database, table.path("Name").asText())) {
      List<String> values = new ArrayList<>();
      partition.path("Values").forEach(v -> values.add(v.asText()));
      String location = partition.path("StorageDescriptor").path("Location").asText("");
      addFiles(files, location, values);
    }
    return files;
  }

  private void addFiles(List<TableFile> files, String location, List<String> values)
      throws RedshiftSqlException {
    if (location.isEmpty()) {
      return;
    }
    try {
      for (S3File object : cache.list(location)) {
        files.add(new TableFile(cache.fetch(object), object, values));
      }
    } catch (S3ReadException e) {
      throw new RedshiftSqlException("ERROR: Spectrum Scan Error: " + e.getMessage(), e);
    }
  }

  /** The columns the files have together: lower-cased name to DuckDB type. */
  private static Map<String, String> fileColumns(Connection connection, String read)
      throws SQLException {
    Map<String, String> types = new HashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet columns = statement.executeQuery("DESCRIBE SELECT * FROM " + read)) {
      while (columns.next()) {
        types.put(
            columns.getString("column_name").toLowerCase(Locale.ROOT),
            columns.getString("column_type"));
      }
    }
    return types;
  }

  private static String cast(String expression, String fileType, String glueType) {
    Optional<String> type = GlueColumnType.duckDbType(glueType);
    if (type.isEmpty()) {
      return expression;
    }
    if (fileType.startsWith("TIMESTAMP") && type.get().equals("BIGINT")) {
      // an INT64 timestamp Glue typed bigint (no UTC flag): Spectrum reads the stored number
      expression = "epoch_us(" + expression + ")";
    }
    return "CAST(" + expression + " AS " + type.get() + ")";
  }

  private static String nullColumn(JsonNode column) {
    String type = GlueColumnType.duckDbType(column.path("Type").asText()).orElse("VARCHAR");
    return "CAST(NULL AS " + type + ") AS " + quote(column.path("Name").asText());
  }

  static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }

  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
