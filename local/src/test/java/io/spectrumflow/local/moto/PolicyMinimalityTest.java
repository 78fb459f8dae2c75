package io.spectrumflow.local.moto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.starter.iam.IamPolicy;
import io.spectrumflow.worker.health.GlueHealthCheck;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.ScheduledExportRequest;
import io.spectrumflow.workflows.schedule.ScheduledExportWorkflow;
import io.temporal.client.WorkflowOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed worker policy is minimal: with any one action of one statement removed, the smallest
 * step that uses it is answered AccessDenied by moto. Each grant is checked on fresh names (its own
 * prefix, database and table) on one moto server; the steps before the one measured run with the
 * full policy. The Data API actions (and {@code redshift:GetClusterCredentials}, which the Data API
 * checks on the caller's behalf) are served by our stand-in, which moto cannot evaluate.
 */
@Tag("moto")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyMinimalityTest {

  /** Served by our Data API stand-in, not by moto. */
  private static final Set<String> NOT_EVALUABLE =
      Set.of(
          "redshift-data:ExecuteStatement",
          "redshift-data:DescribeStatement",
          "redshift-data:GetStatementResult",
          "redshift-data:ListStatements",
          "redshift:GetClusterCredentials");

  @TempDir static Path dir;
  private MotoStack stack;
  private final MotoSummary summary = new MotoSummary();
  private int fresh;

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

  /** What a grant is needed for: the smallest step using it, after the steps that lead there. */
  private enum Step {
    /** a first export into a new table */
    NEW_TABLE,
    /** a second export adding a column */
    NEW_COLUMN,
    /** replace mode: a second export of the same day */
    REPLACE_DAY,
    /** a run refused at its DDL step rolls back: HeadObject, DeleteObjects, partitions dropped */
    ROLLBACK,
    /** the worker application's Glue health check */
    HEALTH_CHECK,
    /** a scheduled run moving its inputs from incoming/ to kept/ */
    SCHEDULED_RUN
  }

  private static Step stepFor(MotoPolicy.Grant grant) {
    if (grant.sid().contains("Scheduled")) {
      return Step.SCHEDULED_RUN;
    }
    return switch (grant.action()) {
      case "glue:UpdateTable" -> Step.NEW_COLUMN;
      case "glue:BatchGetPartition", "glue:BatchUpdatePartition" -> Step.REPLACE_DAY;
      case "glue:BatchDeletePartition" -> Step.ROLLBACK;
      case "glue:GetDatabases" -> Step.HEALTH_CHECK;
      case "s3:GetObject", "s3:DeleteObject" ->
          grant.sid().equals("WriteTableObjects") ? Step.ROLLBACK : Step.NEW_TABLE;
      default -> Step.NEW_TABLE;
    };
  }

  @Test
  void removingAnyOneActionMakesAStepFailWithAccessDenied() throws Exception {
    Map<MotoPolicy.Grant, Boolean> grants = new LinkedHashMap<>();
    for (boolean replace : List.of(false, true)) {
      for (MotoPolicy.Grant grant : MotoPolicy.grants(printed(pipeline(replace, "probe")))) {
        // a grant both modes have is checked once, in direct mode
        grants.putIfAbsent(grant, replace);
      }
    }
    List<String> notDenied = new ArrayList<>();
    Set<String> skipped = new LinkedHashSet<>();
    int checked = 0;
    for (Map.Entry<MotoPolicy.Grant, Boolean> entry : grants.entrySet()) {
      MotoPolicy.Grant grant = entry.getKey();
      if (NOT_EVALUABLE.contains(grant.action())) {
        skipped.add(grant.action());
        continue;
      }
      boolean replace = entry.getValue() || stepFor(grant) == Step.REPLACE_DAY;
      List<String> denied = denialsWithout(grant, stepFor(grant), replace);
      checked++;
      summary.add(
          "moto minimality without %-36s (%s): AccessDenied %s"
              .formatted(grant, stepFor(grant), denied.isEmpty() ? "none" : denied));
      if (denied.isEmpty()) {
        notDenied.add(grant.toString());
      }
    }
    summary.add(
        ("moto minimality %d grants removed one at a time, %d answered AccessDenied; not"
                + " evaluable on moto (served by our Data API stand-in): %s")
            .formatted(checked, checked - notDenied.size(), skipped));
    assertThat(notDenied).as("grants no step needed").isEmpty();
  }

  private PipelineSpec pipeline(boolean replace, String name) throws Exception {
    return pipeline(replace, name, name, MotoStack.SPECTRUM_ROLE);
  }

  private PipelineSpec pipeline(boolean replace, String name, String schema, String role)
      throws Exception {
    return stack.pipeline(
        name,
        """
        storage: {bucket: moto-lake, prefix: %s%s}
        partition: {field: ts}
        catalog: {database: %s, table: events}
        """
            .formatted(
                name, replace ? ", mode: replace-partitions, replaceGraceSeconds: 1" : "", name),
        schema,
        role);
  }

  private static ObjectNode printed(PipelineSpec pipeline) {
    return new IamPolicy(pipeline, MotoStack.stagingPrefix(pipeline)).worker();
  }

  /** Runs the grant's step with the policy lacking it; returns the calls answered AccessDenied. */
  private List<String> denialsWithout(MotoPolicy.Grant grant, Step step, boolean replace)
      throws Exception {
    String name = "min" + (++fresh);
    PipelineSpec pipeline = pipeline(replace, name);
    PipelineSpec refused =
        pipeline(
            replace,
            name,
            name + "_refused",
            "arn:aws:iam::" + MotoIam.ACCOUNT + ":role/not-associated");
    String day1 = MotoContractTest.rows("2026-11-20", 2, "");
    stack.grantPrinted(pipeline);
    switch (step) {
      case NEW_COLUMN -> stack.export(pipeline, "before", day1);
      case REPLACE_DAY -> stack.export(pipeline, "before", day1);
      case ROLLBACK -> stack.export(pipeline, "before", day1);
      default -> {}
    }
    ObjectNode reduced = MotoPolicy.without(printed(pipeline), grant);
    stack.grantWorker(Map.of(pipeline.name(), reduced), pipeline);
    stack.workerCalls.reset();
    try {
      switch (step) {
        case NEW_TABLE, REPLACE_DAY -> stack.export(pipeline, "measured", day1);
        case NEW_COLUMN ->
            stack.export(pipeline, "measured", MotoContractTest.rows("2026-11-21", 1, "\"x\": 1"));
        case ROLLBACK ->
            stack.export(
                refused,
                "measured",
                MotoContractTest.rows("2026-11-20", 1, "")
                    + MotoContractTest.rows("2026-11-22", 1, ""));
        case SCHEDULED_RUN -> scheduledRun(pipeline);
        case HEALTH_CHECK -> {
          try (AwsClients clients = new AwsClients(stack.workerAws, List.of(stack.workerCalls))) {
            new GlueHealthCheck(clients.glue(), stack.workerAws).execute();
          }
        }
      }
    } catch (io.temporal.client.WorkflowFailedException expected) {
      // the step failed; which calls were denied is what counts
    }
    AwsCallCounter.Counts counts = stack.workerCalls.counts();
    List<String> denied = new ArrayList<>(counts.accessDenied());
    // what AWS would deny but moto lets through
    denied.addAll(MotoBlindSpots.denials(List.of(reduced), counts));
    return denied;
  }

  private void scheduledRun(PipelineSpec pipeline) {
    String staging = "s3://" + MotoStack.BUCKET + "/staging/" + pipeline.name() + "/";
    stack.stage(pipeline, "incoming/a.ndjson", MotoContractTest.rows("2026-11-20", 1, ""));
    stack
        .client()
        .newWorkflowStub(
            ScheduledExportWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId("scheduled-" + pipeline.name())
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .build())
        .exportStaged(
            new ScheduledExportRequest(pipeline, staging + "incoming/", staging + "kept/", 10));
  }
}
