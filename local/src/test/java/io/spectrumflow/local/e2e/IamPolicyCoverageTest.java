package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spectrumflow iam-policy} grants exactly what the workers call: every AWS call the worker
 * made in an end-to-end run is allowed, and every allowed action was called, but for those that
 * only some runs need.
 */
class IamPolicyCoverageTest {

  /** Allowed but not called in these runs, and why. */
  private static final Map<String, String> CONDITIONAL =
      Map.of(
          "s3:DeleteObject",
              "only when an earlier attempt of a batch left objects it no longer writes",
          "redshift:GetClusterCredentials", "called by the Data API on the worker's behalf",
          "iam:PassRole", "checked by Glue when the crawler is created, not an API call of ours",
          "glue:UpdateCrawler", "only when the crawler's definition changed",
          "glue:BatchCreatePartition", "crawler mode: only for partitions the crawl missed",
          "glue:BatchDeletePartition", "replace mode: only when a failed run drops its partitions",
          "glue:GetDatabases", "the worker application's health check",
          "redshift-data:ListStatements", "the worker application's health check");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"direct", "crawler", "replace"})
  void thePolicyCoversExactlyTheCallsOfARun(String mode) throws Exception {
    try (RunningStack stack = new RunningStack(dir.resolve("data"))) {
      check(stack, mode);
    }
  }

  private void check(RunningStack stack, String mode) throws Exception {
    PipelineSpec pipeline =
        RunningStack.pipeline(
            dir,
            "audited",
            """
            pipelines:
              audited:
                format: ndjson
                storage: {bucket: lake, prefix: audit, mode: %s, replaceGraceSeconds: 1}
                partition: {field: ts}
                catalog:
                  mode: %s
                  database: audit
                  table: audited
                  crawlerRole: arn:aws:iam::000000000000:role/glue-crawler
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  externalSchema: audit
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """
                .formatted(
                    mode.equals("replace") ? "replace-partitions" : "append",
                    mode.equals("crawler") ? "crawler" : "direct"));
    stack.export(pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\"}\n");
    // a new column on a new day, and (replace mode) the first day again
    stack.export(
        pipeline,
        "b2",
        "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"new\": true}\n"
            + "{\"id\": 3, \"ts\": \"2026-11-20T11:00:00Z\"}\n");

    Set<String> called = new TreeSet<>();
    List.copyOf(stack.workerCalls).forEach(call -> called.add(IamActions.of(call)));
    Set<String> allowed =
        new TreeSet<>(new IamPolicy(pipeline, "lake/staging/audited/").workerActions());

    assertThat(allowed).containsAll(called);
    Set<String> unused = new TreeSet<>(allowed);
    unused.removeAll(called);
    assertThat(CONDITIONAL.keySet()).containsAll(unused);
  }
}
