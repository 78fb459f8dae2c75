package io.spectrumflow.activities.support;

import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.CatalogSpec;
import io.spectrumflow.workflows.pipeline.Compression;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.spectrumflow.workflows.pipeline.ParquetSpec;
import io.spectrumflow.workflows.pipeline.PartitionSpec;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.pipeline.StorageSpec;
import io.spectrumflow.workflows.pipeline.TimestampEncoding;
import java.util.List;

/** Pipelines for activity tests. */
public final class Pipelines {

  private Pipelines() {}

  public static PipelineSpec events(KeyLayout layout) {
    return new PipelineSpec(
        "events",
        SourceFormat.JSON,
        new StorageSpec("lake", "exports", layout),
        new PartitionSpec("date", "event_time"),
        new ParquetSpec(Compression.SNAPPY, 64 << 20, 8 << 20, TimestampEncoding.INT64_MICROS),
        new CatalogSpec(CatalogMode.DIRECT, "spectrumflow", "events", null, null),
        new RedshiftSpec(
            "cluster-1",
            "awsuser",
            null,
            null,
            "dev",
            "spectrum",
            "arn:aws:iam::123456789012:role/spectrum",
            "us-east-1"),
        List.of());
  }
}
