package io.spectrumflow.activities.aws;

import io.spectrumflow.activities.s3.S3Transfers;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.multipart.MultipartConfiguration;

/**
 * Builds every AWS client from one {@link AwsSettings}, so local and AWS differ only in settings.
 * Clients are thread-safe and meant to live as long as the process; close them on shutdown.
 */
public final class AwsClients implements AutoCloseable {

  private final S3Client s3;
  private final S3Transfers s3Transfers;
  private final GlueClient glue;
  private final RedshiftDataClient redshiftData;
  private final RedshiftClient redshift;

  public AwsClients(AwsSettings settings) {
    this(settings, List.of());
  }

  /**
   * Clients that also run the given interceptors on every call (tests record the calls made, to
   * check the IAM policy against them).
   */
  public AwsClients(AwsSettings settings, List<ExecutionInterceptor> interceptors) {
    ClientOverrideConfiguration overrides = overrides(settings, interceptors);
    this.s3 = s3(settings, overrides);
    this.s3Transfers =
        s3Transfers(
            settings,
            overrides,
            s3,
            S3Transfers.DEFAULT_THRESHOLD_BYTES,
            S3Transfers.DEFAULT_PART_BYTES);
    this.glue =
        configure(GlueClient.builder(), settings, settings.glueEndpoint())
            .overrideConfiguration(overrides)
            .build();
    this.redshiftData =
        configure(RedshiftDataClient.builder(), settings, settings.redshiftDataEndpoint())
            .overrideConfiguration(overrides)
            .build();
    this.redshift =
        configure(RedshiftClient.builder(), settings, settings.redshiftEndpoint())
            .overrideConfiguration(overrides)
            .build();
  }

  /** An S3 client for the settings, for callers that need only S3. */
  public static S3Client s3(AwsSettings settings) {
    return s3(settings, overrides(settings, List.of()));
  }

  /**
   * Large-object writes for the settings over {@code s3}, with a multipart threshold and part size
   * of their own (tests lower them to prove that large objects go multipart).
   */
  public static S3Transfers s3Transfers(
      AwsSettings settings, S3Client s3, long thresholdBytes, long partBytes) {
    return s3Transfers(settings, overrides(settings, List.of()), s3, thresholdBytes, partBytes);
  }

  /** Large-object writes for the settings over {@code s3}, with the default threshold. */
  public static S3Transfers s3Transfers(AwsSettings settings, S3Client s3) {
    return s3Transfers(
        settings, s3, S3Transfers.DEFAULT_THRESHOLD_BYTES, S3Transfers.DEFAULT_PART_BYTES);
  }

  /** The SDK's own multipart client (Java, not the CRT one, which needs a native library). */
  private static S3Transfers s3Transfers(
      AwsSettings settings,
      ClientOverrideConfiguration overrides,
      S3Client s3,
      long thresholdBytes,
      long partBytes) {
    S3AsyncClient multipart =
        configure(S3AsyncClient.builder(), settings, settings.s3Endpoint())
            .overrideConfiguration(overrides)
            .forcePathStyle(settings.s3PathStyle())
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .multipartEnabled(true)
            .multipartConfiguration(
                MultipartConfiguration.builder()
                    .thresholdInBytes(thresholdBytes)
                    .minimumPartSizeInBytes(partBytes)
                    .build())
            .build();
    return new S3Transfers(
        s3, multipart, thresholdBytes, partBytes, S3Transfers.DEFAULT_PROGRESS_EVERY);
  }

  /** Every call names itself in its failures, and no attempt waits forever on a stuck endpoint. */
  private static ClientOverrideConfiguration overrides(
      AwsSettings settings, List<ExecutionInterceptor> interceptors) {
    List<ExecutionInterceptor> all = new ArrayList<>();
    all.add(new CallNaming());
    all.addAll(interceptors);
    return ClientOverrideConfiguration.builder()
        .executionInterceptors(all)
        .apiCallAttemptTimeout(settings.attemptTimeout())
        .build();
  }

  private static S3Client s3(AwsSettings settings, ClientOverrideConfiguration overrides) {
    return configure(S3Client.builder(), settings, settings.s3Endpoint())
        .overrideConfiguration(overrides)
        .forcePathStyle(settings.s3PathStyle())
        // Checksums only where S3 requires them: S3-compatible servers (S3Proxy, MinIO) do not all
        // understand the newer default trailing checksums.
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
        .build();
  }

  private static <B extends AwsClientBuilder<B, ?>> B configure(
      B builder, AwsSettings settings, URI endpoint) {
    builder.region(Region.of(settings.region()));
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
    }
    return builder;
  }

  public S3Client s3() {
    return s3;
  }

  /** Writes of objects of any size (multipart above the threshold), over {@link #s3()}. */
  public S3Transfers s3Transfers() {
    return s3Transfers;
  }

  public GlueClient glue() {
    return glue;
  }

  public RedshiftDataClient redshiftData() {
    return redshiftData;
  }

  public RedshiftClient redshift() {
    return redshift;
  }

  @Override
  public void close() {
    Consumer<AutoCloseable> quietly =
        c -> {
          try {
            c.close();
          } catch (Exception ignored) {
            // closing on shutdown: nothing useful to do with a failure
          }
        };
    quietly.accept(s3Transfers);
    quietly.accept(s3);
    quietly.accept(glue);
    quietly.accept(redshiftData);
    quietly.accept(redshift);
  }
}
