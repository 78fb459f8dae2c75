package io.spectrumflow.local.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.local.aws.contract.ContractCheck;
import io.spectrumflow.local.aws.contract.ContractLedger;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.aws.contract.ServiceModels;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.PartitionValueList;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The moto suite's model check finds what AWS would refuse in the requests as the SDK marshals
 * them; nothing is sent (a later interceptor stops each request before transmission).
 */
@Tag("moto")
class ModelCheckingInterceptorTest {

  /** Stops a request after the checks ran, so that no server is needed. */
  private static final class NotSent extends RuntimeException {
    NotSent() {
      super("not sent");
    }
  }

  private static final ExecutionInterceptor STOP =
      new ExecutionInterceptor() {
        @Override
        public void beforeTransmission(
            Context.BeforeTransmission context, ExecutionAttributes attributes) {
          throw new NotSent();
        }
      };

  private static List<PartitionValueList> partitions(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> PartitionValueList.builder().values("2026-11-" + i).build())
        .toList();
  }

  @Test
  void findsWhatAwsRefusesInGlueBodiesAndS3Requests() {
    Optional<ServiceModels> models = ServiceModels.shared();
    Assumptions.assumeTrue(models.isPresent(), "botocore's service models are not installed");
    ModelCheckingInterceptor check =
        new ModelCheckingInterceptor(new ContractCheck(models, ContractLedger.standalone()));
    try (GlueClient glue = glue(check);
        S3Client s3 = s3(check)) {
      // BatchGetPartition takes at most 1000 partitions; 1001 is refused by AWS, not by moto
      assertThatThrownBy(
              () ->
                  glue.batchGetPartition(
                      b -> b.databaseName("db").tableName("t").partitionsToGet(partitions(1001))))
          .isInstanceOf(NotSent.class);
      assertThat(check.violations())
          .extracting(ContractViolation::operation, ContractViolation::path)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("glue.BatchGetPartition", "partitionsToGet"));

      check.reset();
      assertThatThrownBy(
              () ->
                  glue.batchGetPartition(
                      b -> b.databaseName("db").tableName("t").partitionsToGet(partitions(3))))
          .isInstanceOf(NotSent.class);
      assertThat(check.checked()).isEqualTo(1);
      assertThat(check.violations()).isEmpty();

      // S3: our S3 check's rules, here a key over 1024 bytes
      assertThatThrownBy(
              () -> s3.putObject(b -> b.bucket("lake").key("k".repeat(1025)), RequestBody.empty()))
          .isInstanceOf(NotSent.class);
      assertThat(check.violations())
          .extracting(ContractViolation::operation)
          .containsExactly("s3.PutObject");
    }
  }

  @Test
  void checksNothingWithoutTheModels() {
    ModelCheckingInterceptor check =
        new ModelCheckingInterceptor(
            new ContractCheck(Optional.empty(), ContractLedger.standalone()));
    try (GlueClient glue = glue(check);
        S3Client s3 = s3(check)) {
      assertThatThrownBy(
              () ->
                  glue.batchGetPartition(
                      b -> b.databaseName("db").tableName("t").partitionsToGet(partitions(1001))))
          .isInstanceOf(NotSent.class);
      assertThatThrownBy(
              () -> s3.putObject(b -> b.bucket("lake").key("k".repeat(1025)), RequestBody.empty()))
          .isInstanceOf(NotSent.class);
    }
    assertThat(check.enabled()).isFalse();
    assertThat(check.checked()).isZero();
    assertThat(check.violations()).isEmpty();
  }

  private static StaticCredentialsProvider keys() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create("id", "secret"));
  }

  private static GlueClient glue(ModelCheckingInterceptor check) {
    return GlueClient.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .credentialsProvider(keys())
        .overrideConfiguration(c -> c.addExecutionInterceptor(check).addExecutionInterceptor(STOP))
        .build();
  }

  private static S3Client s3(ModelCheckingInterceptor check) {
    return S3Client.builder()
        .region(Region.US_EAST_1)
        .endpointOverride(URI.create("http://127.0.0.1:9"))
        .credentialsProvider(keys())
        .forcePathStyle(true)
        .overrideConfiguration(c -> c.addExecutionInterceptor(check).addExecutionInterceptor(STOP))
        .build();
  }
}
