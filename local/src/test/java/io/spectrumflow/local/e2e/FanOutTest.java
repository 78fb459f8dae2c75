package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.StepTiming;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch staged as several files is dumped in chunks on the workers, with one schema agreed first,
 * and cataloged and verified once; running it again leaves exactly the same objects.
 */
class FanOutTest {

  @TempDir Path dir;

  @Test
  void chunksAgreeOnOneSchemaAndTheBatchLandsOnce() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      PipelineSpec pipeline = pipeline("chunked", "partition: {field: ts}");
      // amount: whole numbers in one file, decimals in another, only nulls in the third
      List<String> inputs =
          List.of(
              stack.stage(pipeline, "part-1.ndjson", rows(1, 30, "\"amount\": 5")),
              stack.stage(pipeline, "part-2.ndjson", rows(101, 30, "\"amount\": 2.5")),
              stack.stage(pipeline, "part-3.ndjson", rows(201, 30, "\"amount\": null")));
      ExportRequest request = new ExportRequest("fan", pipeline, inputs, null);

      ExportResult first =
          stack.runs.result(stack.runs.start(request, true).workflowId(), Duration.ofMinutes(2));

      assertThat(first.rowsVerified()).isEqualTo(90);
      assertThat(first.steps())
          .extracting(StepTiming::step)
          .startsWith("infer", "dump+upload", "catalog");
      assertThat(first.s3Keys()).hasSize(6).doesNotHaveDuplicates(); // 3 chunks x 2 days
      assertThat(
              stack
                  .aws
                  .glue()
                  .getTable(b -> b.databaseName("fanout").name("chunked"))
                  .table()
                  .storageDescriptor()
                  .columns())
          .extracting(c -> c.name() + " " + c.type())
          .containsExactly("id bigint", "ts timestamp", "amount double");
      assertThat(
              stack.query(pipeline, "SELECT sum(amount) FROM \"fanout\".\"chunked\"").get(0).get(0))
          .satisfies(f -> assertThat(f.doubleValue()).isEqualTo(30 * 5 + 30 * 2.5));

      ExportResult again =
          stack.runs.result(stack.runs.start(request, true).workflowId(), Duration.ofMinutes(2));
      assertThat(again.s3Keys()).containsExactlyInAnyOrderElementsOf(first.s3Keys());
      assertThat(stack.objectsUnderTable(pipeline))
          .containsExactlyInAnyOrderElementsOf(
              first.s3Keys().stream().map(k -> k.substring("s3://lake/".length())).toList());
      assertThat(stack.count(pipeline, "SELECT count(*) FROM \"fanout\".\"chunked\""))
          .isEqualTo(90);
    }
  }

  @Test
  void renamedFieldsLandInTheSameColumnsInEveryChunk() throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      PipelineSpec pipeline = pipeline("renamed", "");
      // "date" clashes with the partition column; "Name" and "name" clash once made legal (name
      // keeps its own name, Name gets name_2), and the two files meet them in opposite orders.
      List<String> inputs =
          List.of(
              stack.stage(
                  pipeline,
                  "a.ndjson",
                  "{\"id\": 1, \"Name\": \"upper-1\", \"name\": \"lower-1\", \"date\": \"d1\"}\n"),
              stack.stage(
                  pipeline,
                  "b.ndjson",
                  "{\"id\": 2, \"name\": \"lower-2\", \"Name\": \"upper-2\", \"date\": \"d2\"}\n"));

      ExportResult result =
          stack.runs.result(
              stack
                  .runs
                  .start(new ExportRequest("renamed", pipeline, inputs, null), true)
                  .workflowId(),
              Duration.ofMinutes(2));

      assertThat(result.rowsVerified()).isEqualTo(2);
      assertThat(
              stack.query(
                  pipeline,
                  "SELECT id, name_2, name, date_2 FROM \"fanout\".\"renamed\" ORDER BY id"))
          .extracting(
              row ->
                  row.stream()
                      .map(f -> f.longValue() != null ? f.longValue().toString() : f.stringValue())
                      .toList())
          .containsExactly(
              List.of("1", "upper-1", "lower-1", "d1"), List.of("2", "upper-2", "lower-2", "d2"));
    }
  }

  /** An NDJSON pipeline with a table of its own in the fanout database. */
  private PipelineSpec pipeline(String name, String partition) throws java.io.IOException {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %1$s:
            format: ndjson
            storage: {bucket: lake, prefix: fanout}
            %2$s
            catalog: {database: fanout, table: %1$s}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: fanout
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, partition));
  }

  private static String rows(int firstId, int count, String amount) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < count; i++) {
      ndjson
          .append("{\"id\": ")
          .append(firstId + i)
          .append(", \"ts\": \"2026-11-2")
          .append(i % 2)
          .append("T10:00:00Z\", ")
          .append(amount)
          .append("}\n");
    }
    return ndjson.toString();
  }
}
