package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.activities.s3.S3Transfers;
import io.spectrumflow.local.aws.AwsStandIn;
import io.spectrumflow.local.aws.StandInSettings;
import io.spectrumflow.local.aws.contract.ContractCheck;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.stack.EmbeddedTemporal;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.worker.ExportWorker;
import io.spectrumflow.worker.ExportWorkerOptions;
import io.spectrumflow.worker.WorkerSettings;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A worker whose S3, Glue and Redshift (DescribeClusters) are moto's, signed with the keys of an
 * IAM user holding only the policies {@code iam-policy} prints for its pipelines, and whose Data
 * API is our stand-in, which reads moto's Glue and S3 with the keys of a user holding only the
 * printed Spectrum role policy, so that its counts are real.
 */
final class MotoStack implements AutoCloseable {

  static final String CLUSTER = "spectrumflow-moto";
  static final String SPECTRUM_ROLE = "arn:aws:iam::" + MotoIam.ACCOUNT + ":role/spectrumflow";
  static final String BUCKET = "moto-lake";

  /** Every HTTP request the worker sent, and its calls answered AccessDenied. */
  final AwsCallCounter workerCalls = new AwsCallCounter();

  /** The same for the stand-in's reads of moto's Glue and S3. */
  final AwsCallCounter spectrumCalls = new AwsCallCounter();

  /**
   * What the worker, the starter and the stand-in's reads send moto, checked against AWS's rules.
   */
  final ModelCheckingInterceptor modelChecks =
      new ModelCheckingInterceptor(ContractCheck.onThisMachine());

  final MotoServer moto;
  final MotoIam iam;
  final S3Client adminS3;
  final GlueClient adminGlue;
  final AwsSettings workerAws;
  final ExportRuns runs;
  private final WorkflowClient client;
  final EmbeddedTemporal temporal;
  private final Path dir;
  private final S3Client spectrumS3;
  private final GlueClient spectrumGlue;
  private final AwsStandIn standIn;
  private final RedshiftDataClient dataApi;
  private final ExportWorker worker;
  private final WorkflowServiceStubs service;
  final boolean glueOnStandIn;

  MotoStack(Path dir) throws Exception {
    this(dir, false);
  }

  /**
   * @param glueOnStandIn the worker's Glue is our stand-in, whose crawler really crawls (moto's
   *     never does), reading moto's S3 with the Spectrum user's keys; the Data API reads that
   *     catalog. False: the worker's Glue is moto's and the Data API reads moto's catalog
   */
  MotoStack(Path dir, boolean glueOnStandIn) throws Exception {
    this.dir = dir;
    this.glueOnStandIn = glueOnStandIn;
    moto = MotoServer.start(Files.createDirectories(dir).resolve("moto.log"));
    iam = MotoIam.bootstrap(moto.endpoint(), dir.resolve("iam"));
    AwsCredentialsProvider admin = StaticCredentialsProvider.create(iam.admin());
    adminS3 = s3(admin, null);
    adminGlue = glue(admin, null);
    adminS3.createBucket(b -> b.bucket(BUCKET));
    iam.cluster(CLUSTER, SPECTRUM_ROLE);

    AwsBasicCredentials spectrumKeys = iam.user("spectrum");
    spectrumS3 = s3(StaticCredentialsProvider.create(spectrumKeys), spectrumCalls);
    spectrumGlue = glue(StaticCredentialsProvider.create(spectrumKeys), spectrumCalls);
    StandInSettings settings =
        new StandInSettings(
            "127.0.0.1",
            0,
            dir.resolve("stand-in"),
            spectrumS3,
            Duration.ofMillis(600),
            Map.of(CLUSTER, List.of(SPECTRUM_ROLE)),
            MotoIam.REGION);
    standIn = AwsStandIn.start(glueOnStandIn ? settings : settings.withSpectrumGlue(spectrumGlue));
    dataApi =
        RedshiftDataClient.builder()
            .region(Region.of(MotoIam.REGION))
            .endpointOverride(standIn.endpoint())
            .credentialsProvider(admin)
            .build();

    // The worker's clients use the default chain, as in production: system properties come first.
    AwsBasicCredentials workerKeys = iam.user("worker");
    System.setProperty("aws.accessKeyId", workerKeys.accessKeyId());
    System.setProperty("aws.secretAccessKey", workerKeys.secretAccessKey());
    System.setProperty("aws.region", MotoIam.REGION);
    workerAws =
        new AwsSettings(
            MotoIam.REGION,
            moto.endpoint(),
            glueOnStandIn ? standIn.endpoint() : moto.endpoint(),
            standIn.endpoint(),
            moto.endpoint(),
            true,
            10);
    temporal = EmbeddedTemporal.start(0);
    worker =
        new ExportWorker(
            new WorkerSettings(temporal.target(), "default", workerAws, dir.resolve("work")),
            ExportWorkerOptions.DEFAULTS.withAwsInterceptors(List.of(workerCalls, modelChecks)));
    worker.start();
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.target()).build());
    client = WorkflowClient.newInstance(service);
    runs = new ExportRuns(client);
  }

  WorkflowClient client() {
    return client;
  }

  /** A pipeline of moto's bucket, cluster and role, from the YAML of its settings. */
  PipelineSpec pipeline(String name, String settings) throws IOException {
    return pipeline(name, settings, name.replace('-', '_'), SPECTRUM_ROLE);
  }

  /** The same with another external schema and Spectrum role. */
  PipelineSpec pipeline(String name, String settings, String externalSchema, String iamRole)
      throws IOException {
    Path file = configFile(name, settings, externalSchema, iamRole);
    return PipelinesFile.load(file).pipeline(name);
  }

  /** The configuration file of a pipeline, for the CLI. */
  Path configFile(String name, String settings, String externalSchema, String iamRole)
      throws IOException {
    String yaml =
        """
        pipelines:
          %s:
            format: ndjson
        %s    redshift:
              clusterIdentifier: %s
              dbUser: awsuser
              externalSchema: %s
              iamRole: %s
              region: %s
        """
            .formatted(name, settings.indent(4), CLUSTER, externalSchema, iamRole, MotoIam.REGION);
    return Files.writeString(dir.resolve(name + "-" + externalSchema + ".yml"), yaml);
  }

  /** {@code iam-policy}'s default staging prefix of a pipeline. */
  static String stagingPrefix(PipelineSpec pipeline) {
    return pipeline.storage().bucket() + "/staging/" + pipeline.name() + "/";
  }

  /**
   * Gives the worker user exactly the worker policies {@code iam-policy} prints for these
   * pipelines, and the Spectrum user their Spectrum role policies.
   */
  void grantPrinted(PipelineSpec... pipelines) throws IOException, InterruptedException {
    Map<String, ObjectNode> worker = new LinkedHashMap<>();
    for (PipelineSpec pipeline : pipelines) {
      worker.put(
          pipeline.name() + "-" + pipeline.redshift().externalSchema(),
          new IamPolicy(pipeline, stagingPrefix(pipeline)).worker());
    }
    grantWorker(worker, pipelines);
  }

  /** Gives the worker user these policies (as moto evaluates them) and Spectrum the printed. */
  void grantWorker(Map<String, ObjectNode> workerPolicies, PipelineSpec... pipelines)
      throws IOException, InterruptedException {
    Map<String, ObjectNode> worker = new LinkedHashMap<>();
    workerPolicies.forEach((name, policy) -> worker.put(name, MotoPolicy.evaluable(policy)));
    Map<String, ObjectNode> spectrum = new LinkedHashMap<>();
    for (PipelineSpec pipeline : pipelines) {
      spectrum.put(
          pipeline.name() + "-" + pipeline.redshift().externalSchema(),
          MotoPolicy.evaluable(
              new IamPolicy(pipeline, stagingPrefix(pipeline)).spectrumPermissions()));
    }
    iam.policies("worker", worker);
    iam.policies("spectrum", spectrum);
  }

  /** Stages a body as a producer would (with the admin's keys); returns its URI. */
  String stage(PipelineSpec pipeline, String name, String body) {
    String key = "staging/" + pipeline.name() + "/" + name;
    adminS3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromString(body));
    return "s3://" + BUCKET + "/" + key;
  }

  ExportResult export(PipelineSpec pipeline, String batchId, String body) throws TimeoutException {
    String input = stage(pipeline, batchId + ".ndjson", body);
    RunStarted started =
        runs.start(new ExportRequest(batchId, pipeline, List.of(input), null), true);
    return runs.result(started.workflowId(), Duration.ofMinutes(2));
  }

  /** {@code count(*)} through the stand-in's Data API, which reads moto's catalog and objects. */
  long count(PipelineSpec pipeline, String where) {
    String sql =
        "SELECT count(*) FROM \""
            + pipeline.redshift().externalSchema()
            + "\".\""
            + pipeline.catalog().table()
            + "\""
            + (where.isEmpty() ? "" : " WHERE " + where);
    String id = new DataApiStatements(dataApi).run(pipeline.redshift(), sql, polled -> {});
    return dataApi.getStatementResult(b -> b.id(id)).records().get(0).get(0).longValue();
  }

  List<String> keys(String prefix) {
    return adminS3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)).contents().stream()
        .map(S3Object::key)
        .toList();
  }

  /** The violations the Data API stand-in found in the requests it answered, so far. */
  List<ContractViolation> standInViolations() {
    return standIn.contractLedger().violations();
  }

  /** The requests the Data API stand-in checked against the service models, so far. */
  long standInChecked() {
    return standIn.contractLedger().checkedTotal();
  }

  URI motoEndpoint() {
    return moto.endpoint();
  }

  /** An S3 client of moto with these credentials, its calls counted. */
  /** Large-object writes over {@code s3}, with the same keys, as the starter builds them. */
  S3Transfers transfers(S3Client s3, AwsCredentialsProvider credentials) {
    S3AsyncClient multipart =
        S3AsyncClient.builder()
            .region(Region.of(MotoIam.REGION))
            .endpointOverride(moto.endpoint())
            .credentialsProvider(credentials)
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .multipartEnabled(true)
            .build();
    return new S3Transfers(
        s3,
        multipart,
        S3Transfers.DEFAULT_THRESHOLD_BYTES,
        S3Transfers.DEFAULT_PART_BYTES,
        S3Transfers.DEFAULT_PROGRESS_EVERY);
  }

  S3Client s3(AwsCredentialsProvider credentials, AwsCallCounter counter) {
    var builder =
        S3Client.builder()
            .region(Region.of(MotoIam.REGION))
            .endpointOverride(moto.endpoint())
            .credentialsProvider(credentials)
            .forcePathStyle(true)
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    if (counter != null) {
      builder.overrideConfiguration(
          c -> c.addExecutionInterceptor(counter).addExecutionInterceptor(modelChecks));
    }
    return builder.build();
  }

  private GlueClient glue(AwsCredentialsProvider credentials, AwsCallCounter counter) {
    var builder =
        GlueClient.builder()
            .region(Region.of(MotoIam.REGION))
            .endpointOverride(moto.endpoint())
            .credentialsProvider(credentials);
    if (counter != null) {
      builder.overrideConfiguration(
          c -> c.addExecutionInterceptor(counter).addExecutionInterceptor(modelChecks));
    }
    return builder.build();
  }

  @Override
  public void close() throws Exception {
    service.shutdown();
    worker.close();
    temporal.close();
    standIn.close();
    dataApi.close();
    spectrumS3.close();
    spectrumGlue.close();
    adminS3.close();
    adminGlue.close();
    moto.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }
}
