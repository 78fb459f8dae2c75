package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.s3.PartitionPaths;
import io.spectrumflow.workflows.pipeline.ColumnSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.SerDeInfo;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.TableInput;

/**
 * The Glue definition of an external Parquet table partitioned by date, as Spectrum and Athena
 * expect it: Hive's Parquet SerDe and input/output formats, {@code classification=parquet}.
 */
public final class ParquetTableDefinition {

  static final String INPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat";
  static final String OUTPUT_FORMAT =
      "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat";
  static final String SERDE = "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe";

  private final PipelineSpec pipeline;

  public ParquetTableDefinition(PipelineSpec pipeline) {
    this.pipeline = pipeline;
  }

  /** The table as it should be created. */
  public TableInput table(List<ColumnSpec> columns) {
    return TableInput.builder()
        .name(pipeline.catalog().table())
        .description("Written by Spectrumflow pipeline " + pipeline.name())
        .tableType("EXTERNAL_TABLE")
        .parameters(Map.of("classification", "parquet", "EXTERNAL", "TRUE"))
        .partitionKeys(Column.builder().name(pipeline.partition().column()).type("string").build())
        .storageDescriptor(storage(columns(columns), pipeline.tableLocation()))
        .build();
  }

  /** A partition of the table, with the table's columns, at its usual location. */
  public PartitionInput partition(List<Column> tableColumns, String value) {
    return partition(tableColumns, value, PartitionPaths.location(pipeline, value));
  }

  /** A partition of the table, with the table's columns, at the given location. */
  public PartitionInput partition(List<Column> tableColumns, String value, String location) {
    return PartitionInput.builder()
        .values(value)
        .storageDescriptor(storage(tableColumns, location))
        .build();
  }

  /** The Glue columns, each recording the field it holds where that is known. */
  static List<Column> columns(List<ColumnSpec> columns) {
    return columns.stream()
        .map(
            c ->
                ColumnFields.recording(
                    Column.builder().name(c.name()).type(GlueTypes.of(c.type())).build(),
                    c.field()))
        .toList();
  }

  private static StorageDescriptor storage(List<Column> columns, String location) {
    return StorageDescriptor.builder()
        .columns(columns)
        .location(location)
        .inputFormat(INPUT_FORMAT)
        .outputFormat(OUTPUT_FORMAT)
        .compressed(false)
        .numberOfBuckets(-1)
        .serdeInfo(
            SerDeInfo.builder()
                .serializationLibrary(SERDE)
                .parameters(Map.of("serialization.format", "1"))
                .build())
        .build();
  }
}
