package io.spectrumflow.activities.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.model.Column;

class ColumnMergeTest {

  private static Column column(String name, String type) {
    return Column.builder().name(name).type(type).build();
  }

  private static List<String> describe(List<Column> columns) {
    return columns.stream().map(c -> c.name() + " " + c.type()).toList();
  }

  @Test
  void appendsNewColumnsAndKeepsTheRestAsTheyAre() {
    ColumnMerge merge =
        new ColumnMerge(
            "db.t",
            List.of(column("id", "bigint"), column("note", "varchar(20)")),
            List.of(column("note", "string"), column("id", "bigint"), column("seen", "timestamp")));

    assertThat(describe(merge.columns()))
        .containsExactly("id bigint", "note varchar(20)", "seen timestamp");
    assertThat(merge.changes()).containsExactly("seen");
    assertThat(merge.changed()).isTrue();
  }

  @Test
  void widensIntegersAndFloatsToWhatTheBatchWrote() {
    ColumnMerge merge =
        new ColumnMerge(
            "db.t",
            List.of(
                column("a", "int"),
                column("b", "bigint"),
                column("c", "float"),
                column("d", "smallint")),
            List.of(
                column("a", "bigint"),
                column("b", "double"),
                column("c", "double"),
                column("d", "double")));

    assertThat(describe(merge.columns()))
        .containsExactly("a bigint", "b double", "c double", "d double");
    assertThat(merge.changes())
        .containsExactly(
            "widened a int -> bigint",
            "widened b bigint -> double",
            "widened c float -> double",
            "widened d smallint -> double");
  }

  @Test
  void nothingToDoWhenTheBatchMatches() {
    ColumnMerge merge =
        new ColumnMerge("db.t", List.of(column("a", "bigint")), List.of(column("a", "bigint")));

    assertThat(merge.changed()).isFalse();
  }

  @Test
  void refusesANarrowingOrUnrelatedType() {
    assertThatThrownBy(
            () ->
                new ColumnMerge(
                    "db.t", List.of(column("a", "double")), List.of(column("a", "bigint"))))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining(
            "column 'a' is double in Glue table db.t but this batch was written as bigint");
    assertThatThrownBy(
            () ->
                new ColumnMerge(
                    "db.t", List.of(column("a", "timestamp")), List.of(column("a", "string"))))
        .isInstanceOf(ApplicationFailure.class);
  }

  private static Column holding(String name, String type, String field) {
    return ColumnFields.recording(column(name, type), field);
  }

  @Test
  void recordsTheBatchsFieldOnAColumnThatRecordsNoneAndNeverChangesARecordedOne() {
    ColumnMerge merge =
        new ColumnMerge(
            "db.t",
            List.of(column("a_b", "string"), holding("c", "bigint", "C")),
            List.of(
                holding("a_b", "string", "A b"),
                holding("c", "double", "c"),
                holding("n", "string", "N")));

    assertThat(merge.columns())
        .extracting(c -> c.name() + " " + c.type() + " " + ColumnFields.recorded(c))
        .containsExactly("a_b string A b", "c double C", "n string N");
    assertThat(merge.changes())
        .containsExactly("n", "widened c bigint -> double", "recorded the fields of [a_b]");
    assertThat(
            new ColumnMerge(
                    "db.t",
                    List.of(holding("a_b", "string", "A b")),
                    List.of(holding("a_b", "string", "A b")))
                .changed())
        .isFalse();
  }
}
