package io.spectrumflow.local.bench;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pipelines the benchmark exports with: the shipped configuration's defaults (snappy, 128 MB
 * files, 16 MB row groups, INT64 timestamps, direct catalog) and partitions by event time, loaded
 * through the same configuration code as a real pipeline file.
 */
final class BenchPipelines {

  private BenchPipelines() {}

  static PipelineSpec load(Path dir, String name, String format) throws IOException {
    String yaml =
        """
        pipelines:
          %s:
            format: %s
            storage: {bucket: spectrumflow-lake, prefix: bench}
            partition: {field: event_time}
            catalog: {database: spectrumflow_bench, table: %s}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, format, name.replace('-', '_'));
    Files.createDirectories(dir);
    Path file = Files.writeString(dir.resolve(name + ".yml"), yaml);
    return PipelinesFile.load(file).pipeline(name);
  }
}
