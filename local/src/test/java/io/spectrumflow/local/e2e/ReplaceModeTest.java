package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Re-exporting a day replaces it; readers never see half of each. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplaceModeTest {

  @TempDir static Path dir;
  private RunningStack stack;
  private PipelineSpec pipeline;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    pipeline = pipeline("rep", "arn:aws:iam::000000000000:role/spectrumflow-spectrum");
  }

  /** The daily pipeline, with its own external schema and Spectrum role. */
  private static PipelineSpec pipeline(String externalSchema, String iamRole) throws IOException {
    return RunningStack.pipeline(
        dir,
        "daily",
        """
        pipelines:
          daily:
            format: ndjson
            storage: {bucket: lake, prefix: replace, mode: replace-partitions, replaceGraceSeconds: 1}
            partition: {field: ts}
            catalog: {database: rep, table: daily}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: %s
              iamRole: %s
        """
            .formatted(externalSchema, iamRole));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static String day(int rows) {
    return day("2026-11-20", rows);
  }

  private static String day(String date, int rows) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      ndjson
          .append("{\"id\": ")
          .append(i)
          .append(", \"ts\": \"")
          .append(date)
          .append("T10:00:00Z\"}\n");
    }
    return ndjson.toString();
  }

  @Test
  void aRunThatFailsAfterTheSwitchPutsTheOldDayBackAndDropsTheDayItAdded() throws Exception {
    ExportResult first = stack.export(pipeline, "wednesday-run", day("2026-11-25", 6));
    assertThat(first.rowsVerified()).isEqualTo(6);
    List<String> before = stack.objectsUnderTable(pipeline);
    // Same table, but a DDL that Redshift refuses: the run fails after its catalog step switched
    // 2026-11-25 to the new version and created 2026-11-26.
    PipelineSpec refused = pipeline("rep_refused", "arn:aws:iam::000000000000:role/not-associated");

    assertThatThrownBy(
            () ->
                stack.export(
                    refused, "thursday-rerun", day("2026-11-25", 2) + day("2026-11-26", 3)))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .hasMessageContaining("is not associated with Redshift cluster");

    assertThat(
            stack
                .aws
                .glue()
                .getPartitions(b -> b.databaseName("rep").tableName("daily"))
                .partitions())
        .filteredOn(p -> p.values().get(0).compareTo("2026-11-25") >= 0)
        .extracting(p -> p.values().get(0) + " " + p.storageDescriptor().location())
        .containsExactly("2026-11-25 s3://lake/replace/daily/date=2026-11-25/batch=wednesday-run/");
    assertThat(
            stack.count(
                pipeline, "SELECT count(*) FROM \"rep\".\"daily\" WHERE \"date\" >= '2026-11-25'"))
        .isEqualTo(6);
    assertThat(stack.objectsUnderTable(pipeline)).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void aQueryDuringTheReplacementSeesTheOldDayOrTheNewDayNeverAMix() throws Exception {
    String count = "SELECT count(*) FROM \"rep\".\"daily\" WHERE \"date\" = '2026-11-20'";
    ExportResult first = stack.export(pipeline, "monday-run", day(10));
    assertThat(first.rowsVerified()).isEqualTo(10);
    assertThat(first.s3Keys())
        .allMatch(k -> k.startsWith("s3://lake/replace/daily/date=2026-11-20/batch=monday-run/"));

    Set<Long> seen = ConcurrentHashMap.newKeySet();
    AtomicInteger queries = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    Thread reader =
        new Thread(
            () -> {
              while (!stop.get()) {
                seen.add(stack.count(pipeline, count));
                queries.incrementAndGet();
              }
            });
    reader.start();
    ExportResult second;
    try {
      second = stack.export(pipeline, "tuesday-rerun", day(4));
    } finally {
      stop.set(true);
      reader.join();
    }

    assertThat(second.rowsVerified()).isEqualTo(4);
    assertThat(queries.get()).isGreaterThan(1);
    assertThat(seen).isSubsetOf(10L, 4L).contains(4L);
    assertThat(stack.count(pipeline, count)).isEqualTo(4);
    // After the grace period the replaced version is gone; the new one is all there is.
    assertThat(stack.objectsUnderTable(pipeline))
        .allMatch(k -> k.startsWith("replace/daily/date=2026-11-20/batch=tuesday-rerun/"))
        .isNotEmpty();
    assertThat(second.steps()).extracting(s -> s.step()).contains("cleanup");
  }
}
