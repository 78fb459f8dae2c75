package io.spectrumflow.local.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.aws.AwsSettings;
import io.spectrumflow.local.e2e.RunningStack;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.StepTiming;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.common.RetryOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/**
 * Service faults between the worker and S3, Glue and Redshift, injected by a proxy: transient ones
 * are retried and the run lands exactly its rows; past the retry budget the run fails naming the
 * service and call, and takes back what it wrote.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FaultInjectionTest {

  private static final StringBuilder REPORT = new StringBuilder();
  private static final String ROWS =
      """
      {"id": 1, "ts": "2026-11-20T10:00:00Z", "note": "a"}
      {"id": 2, "ts": "2026-11-20T11:00:00Z", "note": "b"}
      {"id": 3, "ts": "2026-11-21T10:00:00Z", "note": "c"}
      """;

  @TempDir static Path dir;
  private FaultProxy s3;
  private FaultProxy standIn;
  private RunningStack stack;
  private PipelineSpec pipeline;
  private int runsCompleted;

  @BeforeAll
  void start() throws Exception {
    // the proxies need the stack's endpoints, and the stack's worker the proxies': start the
    // stack's servers first through a throwaway worker setting, then point the worker's clients
    URI[] targets = new URI[2];
    stack =
        new RunningStack(
            dir.resolve("data"),
            aws -> {
              try {
                targets[0] = aws.s3Endpoint();
                targets[1] = aws.glueEndpoint();
                s3 = new FaultProxy(targets[0]);
                standIn = new FaultProxy(targets[1]);
              } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
              }
              return new AwsSettings(
                  aws.region(),
                  s3.endpoint(),
                  standIn.endpoint(),
                  standIn.endpoint(),
                  standIn.endpoint(),
                  true,
                  1);
            },
            Map.of("RegisterPartitions", quickRetries(), "ApplyExternalSchema", quickRetries()));
    pipeline =
        RunningStack.pipeline(
            dir,
            "faulty",
            """
            pipelines:
              faulty:
                format: ndjson
                storage: {bucket: lake, prefix: faults}
                partition: {field: ts}
                catalog: {database: faults, table: faulty}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  externalSchema: faults
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
    stack.stage(pipeline, "warm-up", "{}"); // creates the bucket
  }

  /** A short retry budget, so that exhausting it takes seconds. */
  private static ActivityOptions quickRetries() {
    return ActivityOptions.newBuilder()
        .setRetryOptions(
            RetryOptions.newBuilder()
                .setInitialInterval(Duration.ofMillis(200))
                .setBackoffCoefficient(1.5)
                .setMaximumAttempts(3)
                .build())
        .build();
  }

  @BeforeEach
  void clearFaults() {
    s3.clear();
    standIn.clear();
  }

  @AfterAll
  void stop() throws Exception {
    System.out.printf(
        "Fault injection: %d runs completed%n%-58s %8s%n%s",
        runsCompleted, "fault", "injected", REPORT);
    stack.close();
    s3.close();
    standIn.close();
  }

  private static Predicate<FaultProxy.RequestHead> s3Put() {
    return r -> r.method().equals("PUT") && r.path().contains("/faults/");
  }

  private static Predicate<FaultProxy.RequestHead> target(String operation) {
    return r -> r.target().equals(operation);
  }

  private static FaultProxy.Answer s3Error(int status, String code) {
    return new FaultProxy.Answer(
        status,
        "application/xml",
        null,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
            + code
            + "</Code><Message>injected</Message><RequestId>fault</RequestId></Error>");
  }

  private static FaultProxy.Answer jsonError(int status, String type) {
    return new FaultProxy.Answer(
        status,
        "application/x-amz-json-1.1",
        "x-amzn-ErrorType: " + type,
        "{\"__type\":\"" + type + "\",\"message\":\"injected " + type + "\"}");
  }

  private void report(String fault, FaultProxy.Fault injected) {
    REPORT.append(String.format("%-58s %8d%n", fault, injected.applied()));
  }

  @Test
  void transientFaultsAreRetriedAndTheRunLandsExactlyItsRows() throws Exception {
    List<Object[]> faults = new ArrayList<>();
    faults.add(
        new Object[] {
          "S3 PutObject: 503 SlowDown, twice", s3.inject(s3Put(), s3Error(503, "SlowDown"), 2)
        });
    faults.add(
        new Object[] {
          "S3 PutObject: connection reset mid-body, once",
          s3.inject(s3Put(), new FaultProxy.Reset(200), 1)
        });
    faults.add(
        new Object[] {
          "S3 PutObject: 500 InternalError, once",
          s3.inject(s3Put(), s3Error(500, "InternalError"), 1)
        });
    faults.add(
        new Object[] {
          "Glue GetTable: answer after the 1 s attempt timeout, once",
          standIn.inject(target("AWSGlue.GetTable"), new FaultProxy.Delay(2_500), 1)
        });
    faults.add(
        new Object[] {
          "Glue BatchCreatePartition: ThrottlingException, 3 times",
          standIn.inject(
              target("AWSGlue.BatchCreatePartition"), jsonError(400, "ThrottlingException"), 3)
        });
    faults.add(
        new Object[] {
          "Redshift Data ExecuteStatement: 500, twice",
          standIn.inject(
              target("RedshiftData.ExecuteStatement"), jsonError(500, "InternalServerException"), 2)
        });
    faults.add(
        new Object[] {
          "Redshift Data DescribeStatement: 503, once",
          standIn.inject(
              target("RedshiftData.DescribeStatement"),
              jsonError(503, "ServiceUnavailableException"),
              1)
        });

    ExportResult result = stack.export(pipeline, "transient", ROWS);
    runsCompleted++;

    for (Object[] fault : faults) {
      FaultProxy.Fault injected = (FaultProxy.Fault) fault[1];
      report((String) fault[0], injected);
      assertThat(injected.applied()).as((String) fault[0]).isPositive();
    }
    assertThat(result.rowsVerified()).isEqualTo(3);
    assertThat(stack.objectsUnderTable(pipeline))
        .containsExactlyInAnyOrder(
            "faults/faulty/date=2026-11-20/transient-00000.parquet",
            "faults/faulty/date=2026-11-21/transient-00000.parquet");
    long found = stack.count(pipeline, "SELECT count(*) FROM \"faults\".\"faulty\"");
    REPORT.append(String.format("  rows expected 3, found %d through SQL%n", found));
    assertThat(found).isEqualTo(3);
  }

  @Test
  void aReplacingRunWhoseSwitchFailsHalfwayLeavesTheOldDaysAsTheyWere() throws Exception {
    PipelineSpec replacing = replacingPipeline("switched");
    stack.export(replacing, "monday", ROWS);
    runsCompleted++;
    List<String> before = stack.objectsUnderTable(replacing);
    // The new day is registered, then switching the existing days fails on every attempt.
    FaultProxy.Fault broken =
        standIn.inject(
            target("AWSGlue.BatchUpdatePartition"),
            jsonError(500, "InternalServiceException"),
            1_000);

    assertThatThrownBy(
            () ->
                stack.export(
                    replacing,
                    "tuesday",
                    ROWS + "{\"id\": 4, \"ts\": \"2026-11-22T10:00:00Z\", \"note\": \"d\"}\n"))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .hasMessageContaining("Glue.BatchUpdatePartition");
    report("Glue BatchUpdatePartition: 500 on every attempt", broken);

    assertThat(
            stack
                .aws
                .glue()
                .getPartitions(b -> b.databaseName("faults").tableName("switched"))
                .partitions())
        .extracting(p -> p.values().get(0) + " " + p.storageDescriptor().location())
        .containsExactlyInAnyOrder(
            "2026-11-20 s3://lake/faults/switched/date=2026-11-20/batch=monday/",
            "2026-11-21 s3://lake/faults/switched/date=2026-11-21/batch=monday/");
    assertThat(stack.objectsUnderTable(replacing)).containsExactlyInAnyOrderElementsOf(before);
    long found = stack.count(replacing, "SELECT count(*) FROM \"faults\".\"switched\"");
    REPORT.append(String.format("  rows expected 3, found %d through SQL%n", found));
    assertThat(found).isEqualTo(3);
  }

  @Test
  void aSwitchWhoseAnswerIsLostIsRecognisedOnRetryAndTheOldVersionStillPruned() throws Exception {
    PipelineSpec replacing = replacingPipeline("lost");
    stack.export(replacing, "first", ROWS);
    runsCompleted++;
    // Glue switches the partitions, but the worker never hears so, however often the SDK asks:
    // its catalog attempt fails. The retried attempt finds the partitions switched already.
    FaultProxy.Fault lost =
        standIn.inject(target("AWSGlue.BatchUpdatePartition"), new FaultProxy.LoseAnswer(), 1_000);

    ExportResult second = stack.export(replacing, "second", ROWS);
    report("Glue BatchUpdatePartition: answer lost, every time", lost);

    assertThat(lost.applied()).isGreaterThan(1);
    assertThat(second.rowsVerified()).isEqualTo(3);
    assertThat(second.steps()).extracting(StepTiming::step).contains("cleanup");
    // the retried catalog step knew what the lost call had replaced: the old version is pruned
    assertThat(stack.objectsUnderTable(replacing))
        .isNotEmpty()
        .allMatch(key -> key.contains("/batch=second/"), "under the second batch's version");
    runsCompleted++;
    long found = stack.count(replacing, "SELECT count(*) FROM \"faults\".\"lost\"");
    REPORT.append(String.format("  rows expected 3, found %d through SQL%n", found));
    assertThat(found).isEqualTo(3);
  }

  /** A replace-mode pipeline of its own table, with a one-second grace period. */
  private static PipelineSpec replacingPipeline(String name) throws java.io.IOException {
    return RunningStack.pipeline(
        dir,
        name,
        """
        pipelines:
          %1$s:
            format: ndjson
            storage: {bucket: lake, prefix: faults, mode: replace-partitions, replaceGraceSeconds: 1}
            partition: {field: ts}
            catalog: {database: faults, table: %1$s}
            redshift:
              clusterIdentifier: spectrumflow-local
              dbUser: awsuser
              externalSchema: faults
              iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
        """
            .formatted(name));
  }

  @Test
  void pastTheRetryBudgetTheRunFailsNamingTheCallAndTakesBackItsObjects() throws Exception {
    PipelineSpec fresh =
        RunningStack.pipeline(
            dir,
            "doomed",
            """
            pipelines:
              doomed:
                format: ndjson
                storage: {bucket: lake, prefix: faults}
                partition: {field: ts}
                catalog: {database: faults, table: doomed}
                redshift:
                  clusterIdentifier: spectrumflow-local
                  dbUser: awsuser
                  externalSchema: faults
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """);
    FaultProxy.Fault broken =
        standIn.inject(
            target("AWSGlue.CreateTable"), jsonError(500, "InternalServiceException"), 1_000);

    assertThatThrownBy(() -> stack.export(fresh, "doomed", ROWS))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .hasMessageContaining("catalog: ")
        .hasMessageContaining("Glue.CreateTable")
        .hasMessageContaining("InternalServiceException");
    report("Glue CreateTable: 500 on every attempt", broken);

    // nothing half-registered: no table, no partition, and the batch's objects are gone
    assertThatThrownBy(
            () -> stack.aws.glue().getTable(b -> b.databaseName("faults").name("doomed")))
        .isInstanceOf(EntityNotFoundException.class);
    assertThat(stack.objectsUnderTable(fresh)).isEmpty();
  }
}
