package io.spectrumflow.workflows.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnNamesTest {

  @Test
  void sanitizesToLowercaseLettersDigitsAndUnderscores() {
    assertThat(ColumnNames.sanitize("Event Time", 1)).isEqualTo("event_time");
    assertThat(ColumnNames.sanitize("user.id-Nr", 1)).isEqualTo("user_id_nr");
    assertThat(ColumnNames.sanitize("Zoë", 1)).isEqualTo("zo_");
    assertThat(ColumnNames.sanitize("a😀b", 1)).as("one _ per code point").isEqualTo("a_b");
    assertThat(ColumnNames.sanitize("2fa", 1)).isEqualTo("_2fa");
    assertThat(ColumnNames.sanitize("", 7)).isEqualTo("col_7");
    assertThat(ColumnNames.sanitize("x".repeat(300), 1)).hasSize(127);
    assertThat(ColumnNames.sanitize("9" + "x".repeat(300), 1)).hasSize(127).startsWith("_9x");
  }

  @Test
  void clashesGetNumberedSuffixesInOrderOfFirstAppearance() {
    ColumnNames names = new ColumnNames("date");

    List<String> assigned =
        List.of("a", "A", "a_2", "Date", "date", "", "x".repeat(130), "X".repeat(127)).stream()
            .map(names::assign)
            .toList();

    assertThat(assigned)
        .containsExactly(
            "a",
            "a_2",
            "a_2_2",
            "date_2",
            "date_3",
            "col_6",
            "x".repeat(127),
            "x".repeat(125) + "_2");
    assertThat(names.renamed())
        .containsEntry("A", "a_2")
        .containsEntry("a_2", "a_2_2")
        .containsEntry("date", "date_3")
        .doesNotContainKey("a");
  }

  @Test
  void legalNames() {
    assertThat(ColumnNames.isLegal("event_time")).isTrue();
    assertThat(ColumnNames.isLegal("_1st")).isTrue();
    assertThat(ColumnNames.isLegal("Event")).isFalse();
    assertThat(ColumnNames.isLegal("1st")).isFalse();
    assertThat(ColumnNames.isLegal("")).isFalse();
  }
}
