package io.spectrumflow.local.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.s3.S3Transfers;
import io.spectrumflow.local.aws.contract.ContractViolation;
import io.spectrumflow.local.e2e.IamActions;
import io.spectrumflow.local.e2e.IamActions.Authorization;
import io.spectrumflow.local.e2e.PolicyEvaluator;
import io.spectrumflow.starter.cli.SpectrumflowCommand;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.starter.staging.BodyDigest;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.worker.health.GlueHealthCheck;
import io.spectrumflow.worker.health.S3HealthCheck;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.ScheduledExportRequest;
import io.spectrumflow.workflows.schedule.ScheduledExportResult;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflow;
import io.spectrumflow.workflows.schedule.StagedBatch;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.glue.model.Partition;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The production activities against an independent server: moto's S3, Glue and Redshift
 * (DescribeClusters), signed with the keys of an IAM user whose only policies are the ones {@code
 * iam-policy} prints, with our Data API stand-in counting the rows from moto's catalog and objects.
 * Every mode must finish with no AccessDenied and no request breaking AWS's service models. In
 * crawler mode the worker's Glue is our stand-in, since moto's crawler never crawls (it reports
 * {@code COMPLETED}, not a Glue state): moto enforces its S3 and Redshift, our evaluator the rest.
 */
@Tag("moto")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MotoContractTest {

  @TempDir static Path dir;
  private MotoStack stack;
  private final MotoSummary summary = new MotoSummary();

  @BeforeAll
  void start() throws Exception {
    stack = new MotoStack(dir);
  }

  @AfterAll
  void stop() throws Exception {
    summary.write();
    if (stack != null) {
      stack.close();
    }
  }

  /** Rows of one day, {@code {"id": n, "ts": "<date>T10:00:00Z"[, extra]}}. */
  static String rows(String date, int count, String extra) {
    StringBuilder ndjson = new StringBuilder();
    for (int i = 0; i < count; i++) {
      ndjson
          .append("{\"id\": ")
          .append(i)
          .append(", \"ts\": \"")
          .append(date)
          .append("T10:00:00Z\"");
      ndjson.append(extra.isEmpty() ? "" : ", " + extra).append("}\n");
    }
    return ndjson.toString();
  }

  /** Days of October and November 2026, from day {@code first} (1-based), each with rows. */
  static String days(int first, int count, int rowsPerDay) {
    StringBuilder ndjson = new StringBuilder();
    for (int d = first; d < first + count; d++) {
      String date = d <= 31 ? "2026-10-%02d".formatted(d) : "2026-11-%02d".formatted(d - 31);
      ndjson.append(rows(date, rowsPerDay, ""));
    }
    return ndjson.toString();
  }

  private interface Scenario {
    long run() throws Exception;
  }

  /** Runs a scenario with only the pipelines' printed policies and adds its summary line. */
  private void measure(String mode, long expected, List<PipelineSpec> pipelines, Scenario scenario)
      throws Exception {
    measure(stack, mode, expected, pipelines, scenario);
  }

  private void measure(
      MotoStack stack, String mode, long expected, List<PipelineSpec> pipelines, Scenario scenario)
      throws Exception {
    stack.grantPrinted(pipelines.toArray(PipelineSpec[]::new));
    stack.workerCalls.reset();
    stack.spectrumCalls.reset();
    stack.modelChecks.reset();
    int standInBefore = stack.standInViolations().size();
    long standInCheckedBefore = stack.standInChecked();
    Long counted = null;
    Throwable failure = null;
    try {
      counted = scenario.run();
    } catch (Exception | AssertionError e) {
      failure = e; // the summary line is printed for a failed mode too
    }
    AwsCallCounter.Counts worker = stack.workerCalls.counts();
    AwsCallCounter.Counts spectrum = stack.spectrumCalls.counts();
    List<ObjectNode> workerPolicies = new ArrayList<>();
    List<ObjectNode> spectrumPolicies = new ArrayList<>();
    for (PipelineSpec pipeline : pipelines) {
      IamPolicy printed = new IamPolicy(pipeline, MotoStack.stagingPrefix(pipeline));
      workerPolicies.add(printed.worker());
      spectrumPolicies.add(printed.spectrumPermissions());
    }
    List<String> outside = new ArrayList<>(MotoBlindSpots.denials(workerPolicies, worker));
    outside.addAll(MotoBlindSpots.denials(spectrumPolicies, spectrum));
    // what moto accepts and AWS would refuse: our requests to moto, and the Data API stand-in's
    List<ContractViolation> violations = new ArrayList<>(stack.modelChecks.violations());
    List<ContractViolation> standIn = stack.standInViolations();
    violations.addAll(standIn.subList(standInBefore, standIn.size()));
    String modelViolations =
        stack.modelChecks.enabled()
            ? "%d (%d requests checked)"
                .formatted(
                    violations.size(),
                    stack.modelChecks.checked() + stack.standInChecked() - standInCheckedBefore)
            : MotoSummary.MODELS_OFF;
    summary.add(mode, worker, spectrum, outside.size(), modelViolations, expected, counted);
    if (failure instanceof AssertionError error) {
      throw error;
    } else if (failure != null) {
      throw (Exception) failure;
    }

    assertThat(worker.accessDenied()).as("worker calls answered AccessDenied").isEmpty();
    assertThat(spectrum.accessDenied()).as("Spectrum reads answered AccessDenied").isEmpty();
    assertThat(outside).as("calls AWS would deny, which moto does not check").isEmpty();
    assertThat(violations)
        .as("requests breaking AWS's service models, which moto accepts")
        .isEmpty();
    assertThat(counted).isEqualTo(expected);
  }

  @Test
  void directMode() throws Exception {
    PipelineSpec pipeline =
        stack.pipeline(
            "direct",
            """
            storage: {bucket: moto-lake, prefix: direct}
            partition: {field: ts}
            catalog: {database: moto_direct, table: events}
            """);
    measure(
        "direct",
        7,
        List.of(pipeline),
        () -> {
          ExportResult result =
              stack.export(pipeline, "b1", rows("2026-11-20", 3, "") + rows("2026-11-21", 4, ""));
          assertThat(result.rowsVerified()).isEqualTo(7);
          assertThat(result.partitions()).hasSize(2);
          return stack.count(pipeline, "");
        });
  }

  /**
   * Crawler mode: S3 and Redshift on moto, IAM-enforced with the printed policies; Glue on our
   * stand-in, whose crawler reads moto's S3 with the Spectrum user's keys. The worker's Glue and
   * Data API calls, and the {@code iam:PassRole} Glue checks when a crawler is created or updated,
   * are checked against the printed worker policy by our own evaluator.
   */
  @Test
  void crawlerModeWithGlueOnTheStandIn() throws Exception {
    String crawlerRole = "arn:aws:iam::" + MotoIam.ACCOUNT + ":role/glue-crawler";
    // a stack's worker takes its keys from the system properties: this one's replace the other's
    String keyId = System.getProperty("aws.accessKeyId");
    String secret = System.getProperty("aws.secretAccessKey");
    try (MotoStack crawling = new MotoStack(dir.resolve("crawler"), true)) {
      PipelineSpec pipeline =
          crawling.pipeline(
              "crawled",
              """
              storage: {bucket: moto-lake, prefix: crawled}
              partition: {field: ts}
              catalog: {mode: crawler, database: moto_crawled, table: events, crawlerRole: %s}
              """
                  .formatted(crawlerRole));
      JsonNode printed =
          new ObjectMapper()
              .readTree(
                  new IamPolicy(pipeline, MotoStack.stagingPrefix(pipeline)).worker().toString());
      List<String> evaluated = new ArrayList<>();
      List<Authorization> deniedByUs = new ArrayList<>();
      measure(
          crawling,
          "crawler",
          5,
          List.of(pipeline),
          () -> {
            assertThat(crawling.export(pipeline, "b1", rows("2026-11-20", 3, "")).rowsVerified())
                .isEqualTo(3);
            assertThat(
                    crawling
                        .export(pipeline, "b2", rows("2026-11-21", 2, "\"note\": \"added\""))
                        .rowsVerified())
                .isEqualTo(2);
            // what moto did not see: Glue (the stand-in), the Data API, and Glue's PassRole check
            List<Authorization> ours = new ArrayList<>();
            for (IamActions.Call call : crawling.workerCalls.counts().calls()) {
              if (call.service().equals("Glue") || call.service().equals("RedshiftData")) {
                ours.addAll(IamActions.of(call));
              }
              if (call.service().equals("Glue")
                  && (call.operation().equals("CreateCrawler")
                      || call.operation().equals("UpdateCrawler"))) {
                ours.add(new Authorization("iam:PassRole", crawlerRole, null));
              }
            }
            ours.stream().map(Authorization::action).distinct().sorted().forEach(evaluated::add);
            deniedByUs.addAll(PolicyEvaluator.denied(printed, ours));
            assertThat(evaluated)
                .contains("glue:CreateCrawler", "glue:StartCrawler", "iam:PassRole");
            assertThat(deniedByUs).as("calls the printed policy does not allow").isEmpty();
            return crawling.count(pipeline, "");
          });
      summary.add(
          ("moto crawler   Glue on the stand-in (moto's crawler does not crawl); S3 on moto:"
                  + " moto enforced S3 (the worker's, and the crawler's and Spectrum's reads) and"
                  + " Redshift DescribeClusters; our evaluator checked %s: denied %s")
              .formatted(evaluated, deniedByUs.isEmpty() ? "none" : deniedByUs));
    } finally {
      System.setProperty("aws.accessKeyId", keyId);
      System.setProperty("aws.secretAccessKey", secret);
    }
  }

  @Test
  void replaceModeWithARollbackOverThirtyPartitions() throws Exception {
    String settings =
        """
        storage: {bucket: moto-lake, prefix: replace, mode: replace-partitions, replaceGraceSeconds: 1}
        partition: {field: ts}
        catalog: {database: moto_replace, table: daily}
        """;
    PipelineSpec pipeline = stack.pipeline("replace", settings);
    // the same table with a role moto's cluster does not have: the DDL step fails after the
    // catalog step switched 30 partitions and created 30
    PipelineSpec refused =
        stack.pipeline(
            "replace",
            settings,
            "replace_refused",
            "arn:aws:iam::" + MotoIam.ACCOUNT + ":role/not-associated");
    measure(
        "replace",
        30,
        List.of(pipeline, refused),
        () -> {
          assertThat(stack.export(pipeline, "first", days(1, 30, 2)).rowsVerified()).isEqualTo(60);
          List<String> before = stack.keys("replace/");

          assertThatThrownBy(() -> stack.export(refused, "refused", days(1, 60, 3)))
              .isInstanceOf(WorkflowFailedException.class)
              .cause()
              .hasMessageContaining("is not associated with Redshift cluster");

          List<Partition> partitions =
              stack
                  .adminGlue
                  .getPartitionsPaginator(b -> b.databaseName("moto_replace").tableName("daily"))
                  .stream()
                  .flatMap(p -> p.partitions().stream())
                  .toList();
          assertThat(partitions).hasSize(30);
          assertThat(partitions)
              .allMatch(p -> p.storageDescriptor().location().endsWith("/batch=first/"));
          assertThat(stack.count(pipeline, "")).isEqualTo(60);
          assertThat(stack.keys("replace/")).containsExactlyInAnyOrderElementsOf(before);

          // and a run that succeeds replaces all 30 days; the old versions are deleted
          ExportResult second = stack.export(pipeline, "second", days(1, 30, 1));
          assertThat(second.rowsVerified()).isEqualTo(30);
          assertThat(stack.keys("replace/")).allMatch(k -> k.contains("/batch=second/"));
          return stack.count(pipeline, "");
        });
  }

  @Test
  void schemaEvolutionAddsAColumn() throws Exception {
    PipelineSpec pipeline =
        stack.pipeline(
            "evolving",
            """
            storage: {bucket: moto-lake, prefix: evolving}
            partition: {field: ts}
            catalog: {database: moto_evolving, table: events}
            """);
    measure(
        "evolution",
        2,
        List.of(pipeline),
        () -> {
          stack.export(pipeline, "b1", rows("2026-11-20", 3, ""));
          stack.export(pipeline, "b2", rows("2026-11-21", 2, "\"note\": \"added\""));
          assertThat(
                  stack
                      .adminGlue
                      .getTable(b -> b.databaseName("moto_evolving").name("events"))
                      .table()
                      .storageDescriptor()
                      .columns())
              .extracting(c -> c.name())
              .contains("id", "ts", "note");
          assertThat(stack.count(pipeline, "")).isEqualTo(5);
          return stack.count(pipeline, "\"note\" = 'added'");
        });
  }

  @Test
  void aScheduledRunMovesItsStagedFilesFromIncomingToKept() throws Exception {
    PipelineSpec pipeline =
        stack.pipeline(
            "scheduled",
            """
            storage: {bucket: moto-lake, prefix: scheduled}
            partition: {field: ts}
            catalog: {database: moto_scheduled, table: events}
            """);
    String staging = "s3://" + MotoStack.BUCKET + "/staging/scheduled/";
    measure(
        "scheduled",
        5,
        List.of(pipeline),
        () -> {
          stack.stage(pipeline, "incoming/a.ndjson", rows("2026-11-20", 2, ""));
          stack.stage(pipeline, "incoming/b.ndjson", rows("2026-11-21", 3, ""));
          ScheduledExportWorkflow workflow =
              stack
                  .client()
                  .newWorkflowStub(
                      ScheduledExportWorkflow.class,
                      WorkflowOptions.newBuilder()
                          .setWorkflowId("scheduled-moto-1")
                          .setTaskQueue(ExportTaskQueues.EXPORT)
                          .build());
          ScheduledExportResult result =
              workflow.exportStaged(
                  new ScheduledExportRequest(
                      pipeline, staging + "incoming/", staging + "kept/", 100));
          assertThat(result.export().rowsVerified()).isEqualTo(5);
          assertThat(stack.keys("staging/scheduled/incoming/")).isEmpty();
          assertThat(stack.keys("staging/scheduled/kept/")).hasSize(2);
          return stack.count(pipeline, "");
        });
  }

  @Test
  void doctorAndTheWorkerHealthChecksPass() throws Exception {
    PipelineSpec pipeline =
        stack.pipeline(
            "doctor",
            """
            storage: {bucket: moto-lake, prefix: doctor}
            partition: {field: ts}
            catalog: {database: moto_doctor, table: events}
            """);
    Path config =
        stack.configFile(
            "doctor",
            """
            storage: {bucket: moto-lake, prefix: doctor}
            partition: {field: ts}
            catalog: {database: moto_doctor, table: events}
            """,
            "doctor",
            MotoStack.SPECTRUM_ROLE);
    measure(
        "doctor",
        0,
        List.of(pipeline),
        () -> {
          String output = doctor(config, "doctor");
          assertThat(output).contains("All checks passed.");
          // the worker application's health checks, with the worker's own keys
          try (AwsClients clients =
              new AwsClients(stack.workerAws, List.of(stack.workerCalls, stack.modelChecks))) {
            assertThat(new GlueHealthCheck(clients.glue(), stack.workerAws).execute().isHealthy())
                .isTrue();
            assertThat(
                    new S3HealthCheck(clients.s3(), stack.workerAws, List.of(MotoStack.BUCKET))
                        .execute()
                        .isHealthy())
                .isTrue();
          }
          return 0;
        });
  }

  @Test
  void theStarterStagesAndSweepsWithItsPrintedPolicy() throws Exception {
    PipelineSpec pipeline =
        stack.pipeline(
            "posted",
            """
            storage: {bucket: moto-lake, prefix: posted}
            partition: {field: ts}
            catalog: {database: moto_posted, table: events}
            """);
    Optional<ObjectNode> starterPolicy =
        PrintedStarterPolicy.of(MotoStack.BUCKET + "/staging/", List.of(pipeline));
    if (starterPolicy.isEmpty()) {
      summary.add(
          "moto starter   skipped: " + PrintedStarterPolicy.CLASS + " is not in this tree yet");
    }
    Assumptions.assumeTrue(
        starterPolicy.isPresent(), PrintedStarterPolicy.CLASS + " is not in this tree yet");
    AwsBasicCredentials starterKeys = stack.iam.user("starter");
    stack.iam.policies("starter", Map.of("starter", MotoPolicy.evaluable(starterPolicy.get())));
    AwsCallCounter starterCalls = new AwsCallCounter();
    Path body = Files.writeString(dir.resolve("posted.ndjson"), rows("2026-11-20", 4, ""));
    measure(
        "starter",
        4,
        List.of(pipeline),
        () -> {
          try (S3Client s3 = stack.s3(StaticCredentialsProvider.create(starterKeys), starterCalls);
              S3Transfers transfers =
                  stack.transfers(s3, StaticCredentialsProvider.create(starterKeys))) {
            // the starter's own staging code, with the starter's keys
            StagingArea staging =
                new StagingArea(s3, transfers, "s3://" + MotoStack.BUCKET + "/staging/");
            LocalDate today = LocalDate.now(ZoneOffset.UTC);
            StagedBatch batch =
                staging.stage(
                    "posted",
                    today,
                    "api-1",
                    List.of(body),
                    BodyDigest.of(List.of(body)),
                    "ndjson");
            ExportResult result =
                stack.runs.result(
                    stack
                        .runs
                        .start(new ExportRequest("api-1", pipeline, batch.inputs(), null), true)
                        .workflowId(),
                    Duration.ofMinutes(2));
            assertThat(result.rowsVerified()).isEqualTo(4);
            assertThat(staging.batchesOn("posted", today)).hasSize(1);
            assertThat(staging.deleteOlderThan("posted", Instant.now().plusSeconds(60)))
                .isEqualTo(1);
          }
          AwsCallCounter.Counts starter = starterCalls.counts();
          summary.add(
              "moto starter   its own S3 calls: requests sent %d, AccessDenied %d, denied by the checks moto skips %d"
                  .formatted(
                      starter.requests(),
                      starter.accessDenied().size(),
                      MotoBlindSpots.denials(List.of(starterPolicy.get()), starter).size()));
          assertThat(starter.accessDenied()).as("starter calls answered AccessDenied").isEmpty();
          assertThat(MotoBlindSpots.denials(List.of(starterPolicy.get()), starter)).isEmpty();
          return stack.count(pipeline, "");
        });
  }

  private String doctor(Path config, String pipeline) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int exit;
    try {
      exit =
          new CommandLine(new SpectrumflowCommand())
              .execute(
                  "doctor",
                  "--temporal",
                  stack.temporal.target(),
                  "--config",
                  config.toString(),
                  "--pipeline",
                  pipeline);
    } finally {
      System.setOut(original);
    }
    String output = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isZero();
    return output;
  }
}
