package io.spectrumflow.activities.dump;

import static io.spectrumflow.activities.dump.ValueKind.BIGINT;
import static io.spectrumflow.activities.dump.ValueKind.BOOLEAN;
import static io.spectrumflow.activities.dump.ValueKind.DOUBLE;
import static io.spectrumflow.activities.dump.ValueKind.NULL;
import static io.spectrumflow.activities.dump.ValueKind.STRING;
import static io.spectrumflow.activities.dump.ValueKind.TIMESTAMP;
import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.pipeline.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          123                       | BIGINT
          -0                        | BIGINT
          9223372036854775807       | BIGINT
          -9223372036854775808      | BIGINT
          9223372036854775808       | STRING
          -9223372036854775809      | STRING
          123456789012345678901234  | STRING
          007                       | STRING
          +5                        | STRING
          1.5                       | DOUBLE
          1e3                       | DOUBLE
          -2.5E-3                   | DOUBLE
          .5                        | STRING
          1.                        | STRING
          1e                        | STRING
          NaN                       | STRING
          true                      | BOOLEAN
          FALSE                     | BOOLEAN
          True                      | BOOLEAN
          yes                       | STRING
          2026-11-24T10:15:30Z      | TIMESTAMP
          2026-11-24 10:15:30.5     | TIMESTAMP
          2026-11-24                | STRING
          12:00                     | STRING
          -                         | STRING
          hello                     | STRING
          """)
  void classifiesCsvTextByShape(String text, ValueKind expected) {
    assertThat(ValueClassifier.kindOfText(text)).isEqualTo(expected);
  }

  @Test
  void widening() {
    assertThat(NULL.widen(BIGINT)).isEqualTo(BIGINT);
    assertThat(BIGINT.widen(NULL)).isEqualTo(BIGINT);
    assertThat(BIGINT.widen(DOUBLE)).isEqualTo(DOUBLE);
    assertThat(DOUBLE.widen(BIGINT)).isEqualTo(DOUBLE);
    assertThat(TIMESTAMP.widen(TIMESTAMP)).isEqualTo(TIMESTAMP);
    assertThat(BOOLEAN.widen(BIGINT)).isEqualTo(STRING);
    assertThat(TIMESTAMP.widen(STRING)).isEqualTo(STRING);
    assertThat(DOUBLE.widen(TIMESTAMP)).isEqualTo(STRING);
    assertThat(STRING.widen(NULL)).isEqualTo(STRING);
    assertThat(NULL.columnType()).as("only nulls").isEqualTo(ColumnType.STRING);
  }
}
