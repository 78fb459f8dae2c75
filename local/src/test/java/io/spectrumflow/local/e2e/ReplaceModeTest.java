package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
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
    pipeline =
        RunningStack.pipeline(
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
                  externalSchema: rep
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  private static String day(int rows) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      ndjson.append("{\"id\": ").append(i).append(", \"ts\": \"2026-11-20T10:00:00Z\"}\n");
    }
    return ndjson.toString();
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
