package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.local.aws.glue.GlueFaults;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchGetPartitionResponse;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.PartitionError;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.glue.model.PartitionValueList;

/**
 * The stand-in's Glue batch limits (botocore's Glue model, 2017-03-31) answered as AWS answers
 * them, and the partial answers tests turn on through {@link GlueFaults}.
 */
class GlueBatchLimitsTest {

  @TempDir static Path dir;
  private static StandInStack stack;
  private static GlueClient glue;
  private static GlueFaults faults;

  @BeforeAll
  static void start() throws Exception {
    stack = StandInStack.start(dir);
    glue = stack.glue();
    faults = stack.standIn().glueFaults();
    glue.createDatabase(b -> b.databaseInput(d -> d.name("limits")));
    glue.createTable(
        b ->
            b.databaseName("limits")
                .tableInput(
                    t ->
                        t.name("days")
                            .partitionKeys(Column.builder().name("date").type("string").build())
                            .storageDescriptor(s -> s.location("s3://lake/days/"))));
  }

  @AfterAll
  static void stop() throws Exception {
    stack.close();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  private static List<String> days(int from, int count) {
    return IntStream.range(from, from + count).mapToObj(i -> "d" + i).toList();
  }

  private static PartitionInput partition(String value) {
    return PartitionInput.builder()
        .values(value)
        .storageDescriptor(s -> s.location("s3://lake/days/date=" + value + "/"))
        .build();
  }

  private static List<PartitionValueList> keys(List<String> values) {
    return values.stream().map(v -> PartitionValueList.builder().values(v).build()).toList();
  }

  private static List<BatchUpdatePartitionRequestEntry> updates(List<String> values, String to) {
    return values.stream()
        .map(
            v ->
                BatchUpdatePartitionRequestEntry.builder()
                    .partitionValueList(v)
                    .partitionInput(
                        partition(v).toBuilder()
                            .storageDescriptor(s -> s.location("s3://lake/days/" + to + "/" + v))
                            .build())
                    .build())
        .toList();
  }

  private static void create(List<String> values) {
    for (int from = 0; from < values.size(); from += 100) {
      List<PartitionInput> chunk =
          values.subList(from, Math.min(values.size(), from + 100)).stream()
              .map(GlueBatchLimitsTest::partition)
              .toList();
      assertThat(
              glue.batchCreatePartition(
                      b -> b.databaseName("limits").tableName("days").partitionInputList(chunk))
                  .errors())
          .isEmpty();
    }
  }

  private static void assertValidationError(ThrowingCallable call, String member, int limit) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            GlueException.class,
            e -> {
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.statusCode()).isEqualTo(400);
            })
        .hasMessageContaining("1 validation error detected: Value '[")
        .hasMessageContaining(
            "' at '"
                + member
                + "' failed to satisfy constraint: Member must have length less than or equal to "
                + limit);
  }

  @Test
  void eachBatchOperationTakesAtMostItsDocumentedNumberOfEntries() {
    create(days(0, 1001));
    assertValidationError(
        () ->
            glue.batchDeletePartition(
                b ->
                    b.databaseName("limits")
                        .tableName("days")
                        .partitionsToDelete(keys(days(0, 26)))),
        "partitionsToDelete",
        25);
    assertValidationError(
        () ->
            glue.batchCreatePartition(
                b ->
                    b.databaseName("limits")
                        .tableName("days")
                        .partitionInputList(
                            days(2000, 101).stream().map(GlueBatchLimitsTest::partition).toList())),
        "partitionInputList",
        100);
    assertValidationError(
        () ->
            glue.batchUpdatePartition(
                b ->
                    b.databaseName("limits").tableName("days").entries(updates(days(0, 101), "v"))),
        "entries",
        100);
    assertValidationError(
        () ->
            glue.batchGetPartition(
                b ->
                    b.databaseName("limits")
                        .tableName("days")
                        .partitionsToGet(keys(days(0, 1001)))),
        "partitionsToGet",
        1000);
    assertValidationError(
        () -> glue.batchDeleteTable(b -> b.databaseName("limits").tablesToDelete(days(0, 101))),
        "tablesToDelete",
        100);
    assertValidationError(
        () -> glue.batchGetCrawlers(b -> b.crawlerNames(days(0, 101))), "crawlerNames", 100);
    assertThatThrownBy(
            () ->
                glue.batchUpdatePartition(
                    b -> b.databaseName("limits").tableName("days").entries(List.of())))
        .hasMessageContaining(
            "at 'entries' failed to satisfy constraint: Member must have length greater than or equal to 1");

    // at the limits, the calls work
    assertThat(
            glue.batchGetPartition(
                    b ->
                        b.databaseName("limits")
                            .tableName("days")
                            .partitionsToGet(keys(days(0, 1000))))
                .partitions())
        .hasSize(1000);
    assertThat(
            glue.batchUpdatePartition(
                    b ->
                        b.databaseName("limits")
                            .tableName("days")
                            .entries(updates(days(0, 100), "v")))
                .errors())
        .isEmpty();
    assertThat(
            glue.batchDeletePartition(
                    b ->
                        b.databaseName("limits")
                            .tableName("days")
                            .partitionsToDelete(keys(days(0, 25))))
                .errors())
        .isEmpty();
  }

  @Test
  void unprocessedKeysAreTheSecondHalfOfTheCallsTurnedOn() {
    create(days(3000, 4));
    faults.leaveKeysUnprocessed(1);

    BatchGetPartitionResponse first =
        glue.batchGetPartition(
            b -> b.databaseName("limits").tableName("days").partitionsToGet(keys(days(3000, 4))));
    BatchGetPartitionResponse second =
        glue.batchGetPartition(
            b -> b.databaseName("limits").tableName("days").partitionsToGet(keys(days(3000, 4))));

    assertThat(first.partitions())
        .extracting(p -> p.values().get(0))
        .containsExactly("d3000", "d3001");
    assertThat(first.unprocessedKeys()).isEqualTo(keys(days(3002, 2)));
    assertThat(second.partitions()).hasSize(4);
    assertThat(second.unprocessedKeys()).isEmpty();
    assertThat(faults.applied("BatchGetPartition")).isEqualTo(1);
  }

  @Test
  void perEntryErrorsLeaveTheEntryAsItWasOrReportAWriteThatHappened() {
    faults.failEntries("BatchCreatePartition", "OperationTimeoutException", false, 1);
    List<PartitionError> notWritten =
        glue.batchCreatePartition(
                b ->
                    b.databaseName("limits")
                        .tableName("days")
                        .partitionInputList(partition("e1"), partition("e2")))
            .errors();
    assertThat(notWritten).extracting(e -> e.partitionValues()).containsExactly(List.of("e2"));
    assertThat(notWritten.get(0).errorDetail().errorCode()).isEqualTo("OperationTimeoutException");
    assertThat(present("e1", "e2")).containsExactly("e1");

    faults.failEntries("BatchDeletePartition", "InternalServiceException", true, 1);
    List<PartitionError> written =
        glue.batchDeletePartition(
                b ->
                    b.databaseName("limits")
                        .tableName("days")
                        .partitionsToDelete(keys(List.of("e1"))))
            .errors();
    assertThat(written)
        .extracting(e -> e.errorDetail().errorCode())
        .containsExactly("InternalServiceException");
    assertThat(present("e1", "e2")).isEmpty();
    // the next call is answered as usual: the partition is gone
    assertThat(
            glue.batchDeletePartition(
                    b ->
                        b.databaseName("limits")
                            .tableName("days")
                            .partitionsToDelete(keys(List.of("e1"))))
                .errors())
        .extracting(e -> e.errorDetail().errorCode())
        .containsExactly("EntityNotFoundException");
  }

  @Test
  void throttledCallsAreRetriedByTheSdk() {
    create(days(4000, 1));
    faults.throttle("BatchGetPartition", 2);

    assertThat(
            glue.batchGetPartition(
                    b ->
                        b.databaseName("limits")
                            .tableName("days")
                            .partitionsToGet(keys(days(4000, 1))))
                .partitions())
        .hasSize(1);
    assertThat(faults.applied("BatchGetPartition")).isEqualTo(2);
  }

  private static List<String> present(String... values) {
    return glue
        .batchGetPartition(
            b -> b.databaseName("limits").tableName("days").partitionsToGet(keys(List.of(values))))
        .partitions()
        .stream()
        .map(p -> p.values().get(0))
        .toList();
  }
}
