package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays histories recorded from this workflow's released code: a change that would break runs
 * already in flight fails here.
 */
class ExportWorkflowReplayTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "histories/export-happy.json",
        "histories/export-host-gone.json",
        "histories/export-replace-failed.json",
        // a batch of three inputs, recorded before chunk columns were named by the table
        "histories/export-fan-out.json",
        "histories/export-queued.json"
      })
  void replaysRecordedHistories(String history) throws Exception {
    WorkflowReplayer.replayWorkflowExecutionFromResource(history, ExportWorkflowImpl.class);
  }

  @ParameterizedTest
  @ValueSource(strings = {"histories/export-happy.json"})
  void catchesAWorkflowThatNoLongerMatchesItsHistory(String history) {
    assertThatThrownBy(
            () ->
                WorkflowReplayer.replayWorkflowExecutionFromResource(
                    history, CatalogFirstWorkflow.class))
        .hasMessageContaining("NonDeterministicException");
  }

  /** A reordering of the steps, as a careless edit would make it. */
  public static class CatalogFirstWorkflow implements ExportWorkflow {
    private final CatalogActivities catalog =
        Workflow.newActivityStub(CatalogActivities.class, ExportStepOptions.catalog());

    @Override
    public ExportResult export(ExportRequest request) {
      catalog.registerPartitions(
          new CatalogRequest(
              request.pipeline(), TestPipelines.columns(), java.util.List.of(), "b"));
      return null;
    }

    @Override
    public ExportProgress progress() {
      return null;
    }
  }
}
