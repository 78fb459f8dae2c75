package io.spectrumflow.local.reliability;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.local.stack.EmbeddedStack;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.s3.model.S3Object;

/** What a test checks of the stack directly, bypassing any fault proxy. */
final class RunningStackQueries implements AutoCloseable {

  private final AwsClients aws;

  RunningStackQueries(EmbeddedStack stack) {
    this.aws = new AwsClients(stack.aws());
  }

  /** A pipeline of its own per name, in direct mode, appending. */
  PipelineSpec pipeline(Path dir, String name) throws IOException {
    return pipeline(dir, name, "{bucket: lake, prefix: kills}", "{database: kills, table: %s}");
  }

  /** A pipeline of its own per name whose catalog step runs a Glue crawler. */
  PipelineSpec crawledPipeline(Path dir, String name) throws IOException {
    return pipeline(
        dir,
        name,
        "{bucket: lake, prefix: kills}",
        "{mode: crawler, database: kills, table: %s,"
            + " crawlerRole: 'arn:aws:iam::000000000000:role/glue-crawler'}");
  }

  /** A pipeline of its own per name whose batches replace the partitions they write, at once. */
  PipelineSpec replacingPipeline(Path dir, String name) throws IOException {
    return pipeline(
        dir,
        name,
        "{bucket: lake, prefix: kills, mode: replace-partitions, replaceGraceSeconds: 0}",
        "{database: kills, table: %s}");
  }

  private static PipelineSpec pipeline(Path dir, String name, String storage, String catalog)
      throws IOException {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %s:
            format: ndjson
            storage: %s
            partition: {field: ts}
            catalog: %s
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: kills
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, storage, catalog.formatted(name)));
  }

  List<String> objects(PipelineSpec pipeline) {
    return aws
        .s3()
        .listObjectsV2Paginator(
            b -> b.bucket(pipeline.storage().bucket()).prefix(pipeline.tablePrefix()))
        .contents()
        .stream()
        .map(S3Object::key)
        .toList();
  }

  long count(PipelineSpec pipeline) {
    String id =
        new DataApiStatements(aws.redshiftData())
            .run(
                pipeline.redshift(),
                "SELECT count(*) FROM \"kills\".\"" + pipeline.catalog().table() + "\"",
                polled -> {});
    return aws.redshiftData().getStatementResult(b -> b.id(id)).records().get(0).get(0).longValue();
  }

  @Override
  public void close() {
    aws.close();
  }
}
