package io.spectrumflow.activities.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.aws.AwsStandIn;
import io.spectrumflow.local.aws.StandInSettings;
import io.spectrumflow.local.aws.glue.GlueFaults;
import io.spectrumflow.local.s3.LocalAws;
import io.temporal.failure.ApplicationFailure;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.BatchUpdatePartitionRequestEntry;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.PartitionInput;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Glue's batch partition calls against the stand-in, which enforces Glue's limits and gives Glue's
 * partial answers when told to.
 */
class PartitionBatchesTest {

  @TempDir static Path dir;
  private static S3Client unusedS3;
  private static AwsStandIn standIn;
  private static AwsClients clients;
  private static GlueClient glue;
  private static GlueFaults faults;
  private static int tables;

  private PartitionBatches batches;

  @BeforeAll
  static void start() throws Exception {
    URI nowhere = URI.create("http://127.0.0.1:9");
    unusedS3 = AwsClients.s3(LocalAws.settings(nowhere, null)); // crawlers and queries only
    standIn = AwsStandIn.start(new StandInSettings("127.0.0.1", 0, dir, unusedS3));
    clients = new AwsClients(LocalAws.settings(nowhere, standIn.endpoint()));
    glue = clients.glue();
    faults = standIn.glueFaults();
    glue.createDatabase(b -> b.databaseInput(d -> d.name("batches")));
  }

  @AfterAll
  static void stop() {
    clients.close();
    standIn.close();
    unusedS3.close();
  }

  @AfterEach
  void clearFaults() {
    faults.clear();
  }

  /** A new table for each test. */
  private PartitionBatches table() {
    String name = "t" + ++tables;
    glue.createTable(
        b ->
            b.databaseName("batches")
                .tableInput(
                    t ->
                        t.name(name)
                            .partitionKeys(Column.builder().name("date").type("string").build())
                            .storageDescriptor(s -> s.location("s3://lake/" + name + "/"))));
    return new PartitionBatches(glue, "batches", name);
  }

  private static List<String> days(int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format("d%03d", i)).toList();
  }

  private static PartitionInput partition(String value, String folder) {
    return PartitionInput.builder()
        .values(value)
        .storageDescriptor(s -> s.location("s3://lake/" + folder + "/" + value + "/"))
        .build();
  }

  private static List<PartitionInput> partitions(List<String> values, String folder) {
    return values.stream().map(v -> partition(v, folder)).toList();
  }

  private static List<BatchUpdatePartitionRequestEntry> moves(List<String> values, String folder) {
    return values.stream()
        .map(
            v ->
                BatchUpdatePartitionRequestEntry.builder()
                    .partitionValueList(v)
                    .partitionInput(partition(v, folder))
                    .build())
        .toList();
  }

  @Test
  void moreThanOneCallTakesIsSentInCallsGlueAccepts() {
    batches = table();
    List<String> values = days(1234);

    assertThat(batches.create(partitions(values, "v1"))).isZero();
    batches.update(moves(values, "v2"));
    assertThat(batches.get(values))
        .hasSize(1234)
        .allSatisfy((v, p) -> assertThat(p.storageDescriptor().location()).contains("/v2/"));
    assertThat(batches.delete(values)).isZero();
    assertThat(batches.get(values)).isEmpty();
  }

  @Test
  void workThatAnErrorReportedAsNotDoneButWasIsTakenAsDone() {
    batches = table();
    faults.failEntries("BatchCreatePartition", "InternalServiceException", true, 1);
    assertThat(batches.create(partitions(days(2), "v1"))).isEqualTo(1); // AlreadyExists on retry
    faults.failEntries("BatchDeletePartition", "OperationTimeoutException", true, 1);
    assertThat(batches.delete(days(2))).isEqualTo(1); // EntityNotFound on retry
    assertThat(faults.applied("BatchCreatePartition")).isEqualTo(1);
    assertThat(faults.applied("BatchDeletePartition")).isEqualTo(1);
    assertThat(batches.get(days(2))).isEmpty();
  }

  @Test
  void anEntryGlueKeepsFailingFailsTheCallNamingItAfterABoundedNumberOfTries() {
    batches = table();
    batches.create(partitions(days(2), "v1"));
    faults.failEntries("BatchUpdatePartition", "InternalServiceException", false, 100);

    assertThatThrownBy(() -> batches.update(moves(days(2), "v2")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            f -> assertThat(f.getType()).isEqualTo(PartitionBatches.INCOMPLETE))
        .hasMessageContaining("BatchUpdatePartition")
        .hasMessageContaining("[[d001]]")
        .hasMessageContaining("InternalServiceException");
    assertThat(faults.applied("BatchUpdatePartition")).isEqualTo(PartitionBatches.ATTEMPTS);
    // the entry that worked did
    assertThat(batches.get(days(2)).get("d000").storageDescriptor().location()).contains("/v2/");
  }

  @Test
  void anErrorRetryingCannotFixFailsAtOnce() {
    batches = table();
    batches.create(partitions(days(1), "v1"));

    assertThatThrownBy(() -> batches.update(moves(List.of("d000", "missing"), "v2")))
        .isInstanceOfSatisfying(
            ApplicationFailure.class, f -> assertThat(f.getType()).isEqualTo("AwsCallFailed"))
        .hasMessageContaining("[missing]")
        .hasMessageContaining("EntityNotFoundException");
  }
}
