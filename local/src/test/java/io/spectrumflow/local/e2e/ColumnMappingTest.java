package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.local.adversarial.AdversarialLedger;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableInput;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Fields {@code "A b"} and {@code "a_b"} both become {@code a_b} once made legal: whichever order
 * the batches list them in, each field's values stay in one column, as the table remembers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ColumnMappingTest {

  @TempDir static Path dir;
  private RunningStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"append", "replace", "crawler"})
  void eachFieldKeepsItsColumnWhateverTheOrderOfFields(String mode) throws Exception {
    PipelineSpec pipeline = pipeline("mapped-" + mode, mode);
    String table = pipeline.catalog().table();

    stack.export(
        pipeline,
        "b1",
        "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\", \"A b\": \"upper-1\", \"a_b\": \"lower-1\"}\n");
    stack.export(
        pipeline,
        "b2",
        "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"a_b\": \"lower-2\", \"A b\": \"upper-2\"}\n");

    assertThat(rows(pipeline, "SELECT id, a_b, a_b_2 FROM \"cols\".\"" + table + "\" ORDER BY id"))
        .containsExactly(List.of("1", "lower-1", "upper-1"), List.of("2", "lower-2", "upper-2"));
    assertThat(fields(table)).containsEntry("a_b", "a_b").containsEntry("a_b_2", "A b");
    AdversarialLedger.rows(
        "columns",
        "fields 'A b' and 'a_b' in either order, " + mode,
        "each field in its own column",
        2,
        rows(pipeline, "SELECT id FROM \"cols\".\"" + table + "\"").size());
  }

  @Test
  void aNewFieldTakesNoColumnOfTheTableAndFanOutFollowsTheTable() throws Exception {
    PipelineSpec pipeline = pipeline("mapped-fan", "append");
    // The table's first batch has only "A b": it gets a_b.
    stack.export(
        pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\", \"A b\": \"upper-1\"}\n");
    // A batch in two chunks whose first meets "a_b" first: "A b" keeps a_b, "a_b" is new.
    List<String> inputs =
        List.of(
            stack.stage(
                pipeline,
                "c1.ndjson",
                "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"a_b\": \"lower-2\","
                    + " \"A b\": \"upper-2\"}\n"),
            stack.stage(
                pipeline,
                "c2.ndjson",
                "{\"id\": 3, \"ts\": \"2026-11-21T11:00:00Z\", \"A b\": \"upper-3\","
                    + " \"A.B\": \"dots-3\"}\n"));
    stack.runs.result(
        stack.runs.start(new ExportRequest("b2", pipeline, inputs, null), true).workflowId(),
        Duration.ofMinutes(2));

    assertThat(
            rows(pipeline, "SELECT id, a_b, a_b_2, a_b_3 FROM \"cols\".\"mapped_fan\" ORDER BY id"))
        .containsExactly(
            List.of("1", "upper-1", "NULL", "NULL"),
            List.of("2", "upper-2", "NULL", "lower-2"),
            List.of("3", "upper-3", "dots-3", "NULL"));
    assertThat(fields("mapped_fan"))
        .containsEntry("a_b", "A b")
        .containsEntry("a_b_2", "A.B")
        .containsEntry("a_b_3", "a_b");
  }

  @Test
  void aTableThatRecordsNoFieldsKeepsWorkingAndRecordsThemOnItsNextBatch() throws Exception {
    PipelineSpec pipeline = pipeline("mapped-legacy", "append");
    stack.export(
        pipeline, "b1", "{\"id\": 1, \"ts\": \"2026-11-20T10:00:00Z\", \"Event Time\": \"e-1\"}\n");
    forgetFields("mapped_legacy"); // as tables made before fields were recorded
    assertThat(fields("mapped_legacy")).isEmpty();

    stack.export(
        pipeline, "b2", "{\"id\": 2, \"ts\": \"2026-11-21T10:00:00Z\", \"Event Time\": \"e-2\"}\n");
    assertThat(fields("mapped_legacy"))
        .containsEntry("event_time", "Event Time")
        .containsEntry("id", "id");
    // Now recorded: a field named exactly like the column cannot take it.
    stack.export(
        pipeline,
        "b3",
        "{\"id\": 3, \"ts\": \"2026-11-22T10:00:00Z\", \"event_time\": \"exact-3\","
            + " \"Event Time\": \"e-3\"}\n");

    assertThat(
            rows(
                pipeline,
                "SELECT id, event_time, event_time_2 FROM \"cols\".\"mapped_legacy\" ORDER BY id"))
        .containsExactly(
            List.of("1", "e-1", "NULL"),
            List.of("2", "e-2", "NULL"),
            List.of("3", "e-3", "exact-3"));
  }

  /** Removes every column's parameters, as a table made before fields were recorded has none. */
  private void forgetFields(String name) {
    Table table = stack.aws.glue().getTable(b -> b.databaseName("cols").name(name)).table();
    List<Column> bare =
        table.storageDescriptor().columns().stream()
            .map(c -> Column.builder().name(c.name()).type(c.type()).build())
            .toList();
    stack
        .aws
        .glue()
        .updateTable(
            b ->
                b.databaseName("cols")
                    .tableInput(
                        TableInput.builder()
                            .name(table.name())
                            .tableType(table.tableType())
                            .parameters(table.parameters())
                            .partitionKeys(table.partitionKeys())
                            .storageDescriptor(
                                table.storageDescriptor().toBuilder().columns(bare).build())
                            .build()));
  }

  private List<List<String>> rows(PipelineSpec pipeline, String sql) {
    return stack.query(pipeline, sql).stream()
        .map(row -> row.stream().map(ColumnMappingTest::text).toList())
        .toList();
  }

  private static String text(Field field) {
    if (Boolean.TRUE.equals(field.isNull())) {
      return "NULL";
    }
    return field.longValue() != null ? field.longValue().toString() : field.stringValue();
  }

  /** Column name to the field its Glue parameters say it holds. */
  private Map<String, String> fields(String table) {
    return stack
        .aws
        .glue()
        .getTable(b -> b.databaseName("cols").name(table))
        .table()
        .storageDescriptor()
        .columns()
        .stream()
        .filter(c -> c.hasParameters() && c.parameters().containsKey("spectrumflow.field"))
        .collect(
            java.util.stream.Collectors.toMap(
                Column::name, c -> c.parameters().get("spectrumflow.field")));
  }

  private static PipelineSpec pipeline(String name, String mode) throws Exception {
    String storage =
        switch (mode) {
          case "replace" ->
              "{bucket: lake, prefix: cols, mode: replace-partitions, replaceGraceSeconds: 1}";
          case "crawler" -> "{bucket: lake, prefix: cols, layout: hive}";
          default -> "{bucket: lake, prefix: cols}";
        };
    String catalog =
        mode.equals("crawler")
            ? "{mode: crawler, database: cols, table: %s,".formatted(name.replace('-', '_'))
                + " crawlerRole: arn:aws:iam::000000000000:role/glue-crawler}"
            : "{database: cols, table: %s}".formatted(name.replace('-', '_'));
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
              externalSchema: cols
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name, storage, catalog));
  }
}
