package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.redshiftdata.model.Field;

/**
 * Spectrum's rule for text longer than its column, through the Data API: a {@code string} column is
 * VARCHAR(65535), and by default (the external table property {@code surplus_char_handling} unset,
 * i.e. SET_TO_NULL) a longer value reads as NULL; the property's other values change that.
 */
class SurplusCharHandlingTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/spectrum";

  @TempDir static Path dir;
  private static StandInStack stack;
  private static DataApiCalls sql;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    sql = new DataApiCalls(stack.redshiftData(), "local", "awsuser");
    stack.s3().createBucket(b -> b.bucket("lake"));
    Path file =
        ParquetFiles.write(
            dir,
            "long.parquet",
            "SELECT 1::BIGINT AS id, repeat('x', 70000) AS note, 'abcdefghijk' AS code"
                + " UNION ALL SELECT 2, repeat('y', 65535), 'abc'"
                + " UNION ALL SELECT 3, 'short', NULL");
    stack
        .s3()
        .putObject(b -> b.bucket("lake").key("long/data.parquet"), RequestBody.fromFile(file));
    stack.glue().createDatabase(b -> b.databaseInput(d -> d.name("textdb")));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  private static void table(String name, Map<String, String> parameters)
      throws InterruptedException {
    stack
        .glue()
        .createTable(
            b ->
                b.databaseName("textdb")
                    .tableInput(
                        t ->
                            t.name(name)
                                .parameters(parameters)
                                .storageDescriptor(
                                    s ->
                                        s.location("s3://lake/long/")
                                            .columns(
                                                column("id", "bigint"),
                                                column("note", "string"),
                                                column("code", "varchar(10)")))));
    sql.run(
        "CREATE EXTERNAL SCHEMA IF NOT EXISTS text FROM DATA CATALOG DATABASE 'textdb' IAM_ROLE '"
            + ROLE
            + "'");
  }

  private static Column column(String name, String type) {
    return Column.builder().name(name).type(type).build();
  }

  /** Per row: id, the note's length or null, the code or null. */
  private static List<String> rows(String table) throws InterruptedException {
    return sql.rows("SELECT id, length(note), code FROM text." + table + " ORDER BY id").stream()
        .map(r -> r.stream().map(SurplusCharHandlingTest::shown).toList().toString())
        .toList();
  }

  private static String shown(Field field) {
    if (Boolean.TRUE.equals(field.isNull())) {
      return "NULL";
    }
    return field.longValue() != null ? String.valueOf(field.longValue()) : field.stringValue();
  }

  @Test
  void byDefaultAValueLongerThanItsColumnReadsAsNull() throws Exception {
    table("by_default", Map.of());

    assertThat(rows("by_default"))
        .containsExactly("[1, NULL, NULL]", "[2, 65535, abc]", "[3, 5, NULL]");
  }

  @Test
  void theTablePropertyChoosesWhatHappens() throws Exception {
    table("disabled", Map.of("surplus_char_handling", "DISABLED"));
    table("truncated", Map.of("surplus_char_handling", "TRUNCATE"));
    table("dropped", Map.of("surplus_char_handling", "DROP_ROW"));
    table("failing", Map.of("surplus_char_handling", "FAIL"));

    assertThat(rows("disabled"))
        .containsExactly("[1, 70000, abcdefghijk]", "[2, 65535, abc]", "[3, 5, NULL]");
    assertThat(rows("truncated"))
        .containsExactly("[1, 65535, abcdefghij]", "[2, 65535, abc]", "[3, 5, NULL]");
    assertThat(rows("dropped")).containsExactly("[2, 65535, abc]", "[3, 5, NULL]");
    assertThat(sql.failure("SELECT count(note) FROM text.failing"))
        .startsWith("ERROR: Spectrum Scan Error:")
        .contains("exceeds its width");
  }
}
