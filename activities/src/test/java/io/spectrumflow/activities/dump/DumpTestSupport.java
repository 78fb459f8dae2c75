package io.spectrumflow.activities.dump;

import io.spectrumflow.workflows.export.PartFile;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.CatalogSpec;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PartitionSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.StorageSpec;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroReadSupport;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.io.LocalInputFile;

/** Pipelines, inputs and two independent readers (parquet-avro and DuckDB) for the dump's tests. */
final class DumpTestSupport {

  static final Instant BATCH_TIME = Instant.parse("2026-11-24T23:59:59Z");
  static final String BATCH = "batch-1";

  private DumpTestSupport() {}

  static PipelineSpec pipeline(SourceFormat format, String partitionField) {
    return pipeline(format, partitionField, Compression.SNAPPY, 128L << 20, List.of());
  }

  static PipelineSpec pipeline(
      SourceFormat format,
      String partitionField,
      Compression compression,
      long targetFileBytes,
      List<ColumnSpec> schema) {
    return pipeline(
        format,
        partitionField,
        new ParquetSpec(
            compression,
            targetFileBytes,
            Math.min(targetFileBytes, 8L << 20),
            TimestampEncoding.INT64_MICROS),
        schema);
  }

  static PipelineSpec pipeline(
      SourceFormat format, String partitionField, ParquetSpec parquet, List<ColumnSpec> schema) {
    return new PipelineSpec(
        "test",
        format,
        new StorageSpec("bucket", "prefix", KeyLayout.HIVE),
        new PartitionSpec("date", partitionField),
        parquet,
        new CatalogSpec(CatalogMode.DIRECT, "db", "events", null, null),
        new RedshiftSpec(null, null, null, "wg", "dev", "spectrum", "arn:aws:iam::1:role/r", "us"),
        schema);
  }

  static Path write(Path dir, String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  static DumpOutcome dump(PipelineSpec pipeline, Path output, Path... inputs) throws IOException {
    return new ParquetDumper(pipeline).dump(List.of(inputs), output, BATCH, BATCH_TIME, rows -> {});
  }

  /** A dump for an existing table with these data columns. */
  static DumpOutcome dump(
      PipelineSpec pipeline, Path output, List<TableColumn> table, Path... inputs)
      throws IOException {
    return new ParquetDumper(pipeline)
        .dump(List.of(inputs), output, BATCH, BATCH_TIME, table, rows -> {});
  }

  static PipelineSpec pipeline(
      SourceFormat format, String partitionField, TimestampEncoding timestamps) {
    return pipeline(
        format,
        partitionField,
        new ParquetSpec(Compression.SNAPPY, 128L << 20, 8L << 20, timestamps),
        List.of());
  }

  static TableColumn table(String name, String glueType) {
    return new TableColumn(name, glueType);
  }

  static ColumnSpec column(String name, ColumnType type) {
    return new ColumnSpec(name, type);
  }

  /**
   * All rows of the files in order, read with parquet-avro; strings as String, timestamps as long,
   * INT96 as its 12 bytes ({@link GenericData.Fixed}).
   */
  static List<Map<String, Object>> avroRows(List<PartFile> files) throws IOException {
    List<Map<String, Object>> rows = new ArrayList<>();
    PlainParquetConfiguration conf = new PlainParquetConfiguration();
    conf.setBoolean(AvroReadSupport.READ_INT96_AS_FIXED, true);
    for (PartFile file : files) {
      try (ParquetReader<GenericRecord> reader =
          AvroParquetReader.<GenericRecord>builder(
                  new LocalInputFile(Path.of(file.localPath())), conf)
              .withDataModel(GenericData.get())
              .build()) {
        for (GenericRecord record = reader.read(); record != null; record = reader.read()) {
          Map<String, Object> row = new LinkedHashMap<>();
          for (var field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            row.put(field.name(), value instanceof Utf8 ? value.toString() : value);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  /** All rows of the files in order, read with DuckDB; timestamps as epoch microseconds. */
  static List<Map<String, Object>> duckRows(List<PartFile> files, List<ColumnSpec> columns)
      throws SQLException {
    String select =
        columns.stream()
            .map(
                c ->
                    c.type() == ColumnType.TIMESTAMP
                        ? "epoch_us(\"" + c.name() + "\") AS \"" + c.name() + "\""
                        : "\"" + c.name() + "\"")
            .collect(Collectors.joining(", "));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (PartFile file : files) {
      rows.addAll(duck("SELECT " + select + " FROM read_parquet('" + file.localPath() + "')"));
    }
    return rows;
  }

  /** Column name to DuckDB type name, as DuckDB sees a file. */
  static Map<String, String> duckTypes(PartFile file) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, Object> row :
        duck("DESCRIBE SELECT * FROM read_parquet('" + file.localPath() + "')")) {
      types.put((String) row.get("column_name"), (String) row.get("column_type"));
    }
    return types;
  }

  static List<Map<String, Object>> duck(String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
          row.put(meta.getColumnLabel(c), result.getObject(c));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** A row in column order; values null allowed (Map.of does not take nulls). */
  static Map<String, Object> row(Object... namesAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      row.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return row;
  }

  static long micros(String instant) {
    Instant parsed = Instant.parse(instant);
    return parsed.getEpochSecond() * 1_000_000 + parsed.getNano() / 1000;
  }
}
