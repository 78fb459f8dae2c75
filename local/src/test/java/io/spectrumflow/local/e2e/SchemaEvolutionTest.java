package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.Column;

/** Later batches that add, widen or conflict with columns of the table. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchemaEvolutionTest {

  @TempDir static Path dir;
  private RunningStack stack;
  private PipelineSpec pipeline;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
    pipeline =
        RunningStack.pipeline(
            dir,
            "evolving",
            """
            pipelines:
              evolving:
                format: ndjson
                storage: {bucket: lake, prefix: evo}
                partition: {field: ts}
                catalog: {database: evo, table: evolving}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  externalSchema: evo
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void addsWidensAndRefusesIncompatibleChangesBeforeUploading() throws Exception {
    stack.export(
        pipeline,
        "b1",
        """
        {"id": 1, "ts": "2026-11-20T10:00:00Z", "qty": 3}
        {"id": 2, "ts": "2026-11-20T11:00:00Z", "qty": null}
        """);

    // A new column; qty all null in this batch must not clash with bigint.
    stack.export(
        pipeline,
        "b2",
        """
        {"id": 3, "ts": "2026-11-21T10:00:00Z", "qty": null, "channel": "web"}
        """);
    assertThat(columns())
        .containsExactly("id bigint", "ts timestamp", "qty bigint", "channel string");
    assertThat(
            stack
                .query(pipeline, "SELECT id, channel FROM \"evo\".\"evolving\" ORDER BY id")
                .stream()
                .map(
                    r ->
                        r.get(0).longValue()
                            + "="
                            + (Boolean.TRUE.equals(r.get(1).isNull())
                                ? "NULL"
                                : r.get(1).stringValue()))
                .toList())
        .containsExactly("1=NULL", "2=NULL", "3=web");

    // bigint widened to double.
    stack.export(pipeline, "b3", "{\"id\": 4, \"ts\": \"2026-11-22T10:00:00Z\", \"qty\": 2.5}\n");
    assertThat(columns()).contains("qty double");
    assertThat(stack.query(pipeline, "SELECT sum(qty) FROM \"evo\".\"evolving\"").get(0).get(0))
        .satisfies(f -> assertThat(Double.parseDouble(text(f))).isEqualTo(5.5));

    // A string where the table has double: refused, nothing uploaded.
    List<String> before = stack.objectsUnderTable(pipeline);
    assertThatThrownBy(
            () ->
                stack.export(
                    pipeline,
                    "b4",
                    "{\"id\": 5, \"ts\": \"2026-11-23T10:00:00Z\", \"qty\": \"many\"}\n"))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.BAD_INPUT);
              assertThat(failure.getOriginalMessage())
                  .startsWith("dump: ")
                  .contains("qty", "double");
            });
    assertThat(stack.objectsUnderTable(pipeline)).containsExactlyElementsOf(before);
    assertThat(stack.count(pipeline, "SELECT count(*) FROM \"evo\".\"evolving\"")).isEqualTo(4);
  }

  private List<String> columns() {
    return stack
        .aws
        .glue()
        .getTable(b -> b.databaseName("evo").name("evolving"))
        .table()
        .storageDescriptor()
        .columns()
        .stream()
        .map((Column c) -> c.name() + " " + c.type())
        .toList();
  }

  private static String text(software.amazon.awssdk.services.redshiftdata.model.Field field) {
    return field.doubleValue() != null
        ? field.doubleValue().toString()
        : field.longValue() != null ? field.longValue().toString() : field.stringValue();
  }
}
