package io.spectrumflow.workflows.export;

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
import io.spectrumflow.workflows.pipeline.WriteMode;
import java.util.List;

/** Requests for workflow tests. */
final class TestPipelines {

  private TestPipelines() {}

  static PipelineSpec events() {
    return new PipelineSpec(
        "events",
        SourceFormat.CSV,
        new StorageSpec("lake", "exports", KeyLayout.HIVE),
        new PartitionSpec("date", "event_time"),
        new ParquetSpec(Compression.SNAPPY, 64 << 20, 8 << 20, TimestampEncoding.INT64_MICROS),
        new CatalogSpec(CatalogMode.DIRECT, "spectrumflow", "events", null, null),
        new RedshiftSpec(
            "local",
            "awsuser",
            null,
            null,
            "dev",
            "spectrum",
            "arn:aws:iam::000000000000:role/spectrum",
            "us-east-1"),
        List.of());
  }

  static ExportRequest request(String batchId) {
    return request(batchId, events());
  }

  static ExportRequest request(String batchId, PipelineSpec pipeline) {
    return new ExportRequest(
        batchId,
        pipeline,
        List.of("s3://staging/events/" + batchId + ".csv"),
        "2026-11-24T10:00:00Z");
  }

  /** The pipeline with a failure webhook. */
  static PipelineSpec alerting() {
    PipelineSpec e = events();
    return new PipelineSpec(
        e.name(),
        e.format(),
        e.storage(),
        e.partition(),
        e.parquet(),
        e.catalog(),
        e.redshift(),
        e.schema(),
        "https://hooks.example.com/spectrumflow");
  }

  /** The pipeline in replace mode, keeping replaced objects for an hour. */
  static PipelineSpec replacing() {
    PipelineSpec events = events();
    return new PipelineSpec(
        events.name(),
        events.format(),
        new StorageSpec("lake", "exports", KeyLayout.HIVE, WriteMode.REPLACE_PARTITIONS, 3600),
        events.partition(),
        events.parquet(),
        events.catalog(),
        events.redshift(),
        events.schema());
  }

  /** The pipeline in crawler mode, with the seed recipe's legacy key layout. */
  static PipelineSpec crawled() {
    PipelineSpec events = events();
    return new PipelineSpec(
        events.name(),
        events.format(),
        new StorageSpec("lake", "exports", KeyLayout.LEGACY),
        events.partition(),
        events.parquet(),
        new CatalogSpec(
            CatalogMode.CRAWLER,
            "spectrumflow",
            "events",
            "spectrumflow-events",
            "arn:aws:iam::000000000000:role/glue-crawler"),
        events.redshift(),
        events.schema());
  }

  static List<ColumnSpec> columns() {
    return List.of(
        new ColumnSpec("id", ColumnType.BIGINT),
        new ColumnSpec("event_time", ColumnType.TIMESTAMP));
  }
}
