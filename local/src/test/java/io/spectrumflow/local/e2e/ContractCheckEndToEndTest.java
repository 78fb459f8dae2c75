package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.aws.contract.ServiceModels;
import io.spectrumflow.local.stack.EmbeddedStack;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deliberately malformed requests, sent through the AWS SDK as our activities send theirs: the
 * stand-in and the embedded S3 refuse them as AWS would, and the stack's ledger names them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractCheckEndToEndTest {

  @TempDir static Path dataDir;
  private EmbeddedStack stack;
  private AwsClients aws;

  @BeforeAll
  void startStack() throws Exception {
    stack = EmbeddedStack.start(dataDir.resolve("stack"));
    stack.contractLedgers().forEach(ContractLedger::deliberate); // malformed on purpose
    aws = new AwsClients(stack.aws());
  }

  @AfterAll
  void stopStack() throws Exception {
    aws.close();
    stack.close();
  }

  @Test
  void twentySixPartitionsInOneBatchDeletePartitionAreAValidationException() {
    assumeTrue(ServiceModels.shared().isPresent(), "botocore's service models are not installed");
    aws.glue().createDatabase(b -> b.databaseInput(d -> d.name("contract_db")));
    aws.glue()
        .createTable(
            b ->
                b.databaseName("contract_db")
                    .tableInput(
                        t ->
                            t.name("events")
                                .partitionKeys(
                                    Column.builder().name("day").type("string").build())));
    List<PartitionValueList> partitions =
        IntStream.range(0, 26)
            .mapToObj(i -> PartitionValueList.builder().values("2026-11-" + (i + 1)).build())
            .toList();

    assertThatThrownBy(
            () ->
                aws.glue()
                    .batchDeletePartition(
                        b ->
                            b.databaseName("contract_db")
                                .tableName("events")
                                .partitionsToDelete(partitions)))
        .isInstanceOfSatisfying(
            GlueException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
              assertThat(e.awsErrorDetails().errorMessage())
                  .startsWith("1 validation error detected: Value '[")
                  .endsWith(
                      "' at 'partitionsToDelete' failed to satisfy constraint: Member must have"
                          + " length less than or equal to 25");
            });
    assertThat(stack.contractViolations())
        .extracting(ContractViolation::operation, ContractViolation::path, ContractViolation::rule)
        .contains(
            tuple(
                "glue.BatchDeletePartition",
                "partitionsToDelete",
                "Member must have length less than or equal to 25"));

    // 25 are within the limit, and the stand-in deletes what exists (here: nothing)
    aws.glue()
        .batchDeletePartition(
            b ->
                b.databaseName("contract_db")
                    .tableName("events")
                    .partitionsToDelete(partitions.subList(0, 25)));
  }

  @Test
  void anObjectKeyOverTheS3LimitIsRefused() {
    aws.s3().createBucket(b -> b.bucket("contract-bucket"));
    // folders keep each file name within the file system's 255 bytes
    String folders = ("d".repeat(203) + "/").repeat(5);
    String key = folders + "abcé"; // 1024 characters, 1025 bytes of UTF-8

    assertThatThrownBy(
            () ->
                aws.s3()
                    .putObject(
                        b -> b.bucket("contract-bucket").key(key), RequestBody.fromString("x")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(stack.contractViolations())
        .extracting(ContractViolation::operation, ContractViolation::path)
        .contains(tuple("s3.PutObject", "key"));

    aws.s3()
        .putObject(
            b -> b.bucket("contract-bucket").key(folders + "abcd"), // 1024 bytes
            RequestBody.fromString("x"));
  }

  @Test
  void userMetadataOverTwoKilobytesIsRefused() {
    aws.s3().createBucket(b -> b.bucket("contract-metadata"));
    Map<String, String> big = Map.of("note", "m".repeat(2045)); // 4 + 2045 bytes

    assertThatThrownBy(
            () ->
                aws.s3()
                    .putObject(
                        b -> b.bucket("contract-metadata").key("big").metadata(big),
                        RequestBody.fromString("x")))
        .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    assertThat(stack.contractViolations())
        .extracting(ContractViolation::operation, ContractViolation::path)
        .contains(tuple("s3.PutObject", "metadata"));

    aws.s3()
        .putObject(
            b ->
                b.bucket("contract-metadata")
                    .key("small")
                    .metadata(Map.of("note", "m".repeat(2044))),
            RequestBody.fromString("x"));
  }
}
