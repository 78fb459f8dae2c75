package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.workflows.export.ExportFailures;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A provisioned cluster with DbUser or a secret, and Redshift Serverless, all run the recipe. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedshiftTargetsTest {

  @TempDir static Path dir;
  private RunningStack stack;

  @BeforeAll
  void start() throws Exception {
    stack = new RunningStack(dir.resolve("data"));
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aDdlStatementThatRedshiftFailsFailsTheRunWithRedshiftsOwnText() throws Exception {
    // Serverless roles are checked by Redshift itself, at CREATE EXTERNAL SCHEMA
    PipelineSpec pipeline =
        RunningStack.pipeline(
            dir,
            "unassociated",
            """
            pipelines:
              unassociated:
                format: ndjson
                storage: {bucket: lake, prefix: targets}
                catalog: {database: targets, table: unassociated}
                redshift:
                  workgroupName: spectrumflow-serverless
                  externalSchema: stranger
                  iamRole: arn:aws:iam::000000000000:role/not-associated
            """);

    assertThatThrownBy(() -> stack.export(pipeline, "b1", "{\"id\": 1}\n"))
        .isInstanceOf(WorkflowFailedException.class)
        .cause()
        .isInstanceOfSatisfying(
            ApplicationFailure.class,
            failure -> {
              assertThat(failure.getType()).isEqualTo(ExportFailures.STATEMENT_FAILED);
              assertThat(failure.isNonRetryable()).isTrue();
              assertThat(failure.getOriginalMessage())
                  .startsWith("ddl: Redshift statement FAILED: ERROR: ")
                  .contains(
                      "is not authorized to assume IAM Role arn:aws:iam::000000000000:role/not-associated");
            });
    // rolled back: the failed batch leaves no object behind
    assertThat(stack.objectsUnderTable(pipeline)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "clusterIdentifier: spectrumflow-local, dbUser: awsuser",
        "clusterIdentifier: spectrumflow-local, secretArn:"
            + " 'arn:aws:secretsmanager:us-east-1:000000000000:secret:redshift-AbCdEf'",
        "workgroupName: spectrumflow-serverless"
      })
  void everyKindOfTargetRunsTheRecipe(String target) throws Exception {
    String name = "target-" + Math.abs(target.hashCode() % 1000);
    PipelineSpec pipeline =
        RunningStack.pipeline(
            dir,
            name,
            """
            pipelines:
              %s:
                format: ndjson
                storage: {bucket: lake, prefix: targets}
                catalog: {database: targets, table: %s}
                redshift:
                  %s
                  externalSchema: targets
                  iamRole: arn:aws:iam::000000000000:role/spectrumflow-spectrum
            """
                .formatted(name, name.replace('-', '_'), target.replace(", ", "\n      ")));

    assertThat(stack.export(pipeline, "b1", "{\"id\": 1}\n{\"id\": 2}\n").rowsVerified())
        .isEqualTo(2);
  }
}
