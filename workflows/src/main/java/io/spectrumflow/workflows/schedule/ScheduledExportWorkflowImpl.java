package io.spectrumflow.workflows.schedule;

import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportResult;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportTaskQueues;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.slf4j.Logger;

/**
 * Collects what waits in the pipeline's incoming prefix into one batch, exports it as a child run,
 * then moves the objects to the kept batches. The schedule's overlap policy keeps two of these from
 * running for one pipeline at once, so no object is taken by two batches.
 */
public class ScheduledExportWorkflowImpl implements ScheduledExportWorkflow {

  private static final Logger log = Workflow.getLogger(ScheduledExportWorkflowImpl.class);

  /**
   * Child runs are named by {@link ExportWorkflowIds#of}; runs recorded before that kept the
   * ambiguous {@link ExportWorkflowIds#legacyOf} id, and replay must start the same child.
   */
  static final String INJECTIVE_CHILD_ID_CHANGE = "injective-child-workflow-id";

  private static final DateTimeFormatter BATCH_TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final StagingActivities staging =
      Workflow.newActivityStub(
          StagingActivities.class,
          ActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofMinutes(10))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setMaximumInterval(Duration.ofMinutes(1))
                      .build())
              .build());

  @Override
  public ScheduledExportResult exportStaged(ScheduledExportRequest request) {
    List<String> inputs = staging.listIncoming(request.incoming(), request.maxInputs());
    if (inputs.isEmpty()) {
      log.info("pipeline {}: nothing staged since the last run", request.pipeline().name());
      return new ScheduledExportResult(null, null);
    }
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    String batchId = "scheduled-" + BATCH_TIME.format(now);
    ExportWorkflow export =
        Workflow.newChildWorkflowStub(
            ExportWorkflow.class,
            ChildWorkflowOptions.newBuilder()
                .setWorkflowId(childWorkflowId(request.pipeline().name(), batchId))
                .setTaskQueue(ExportTaskQueues.EXPORT)
                .setTypedSearchAttributes(attributes(request, batchId))
                .build());
    ExportResult result =
        export.export(new ExportRequest(batchId, request.pipeline(), inputs, now.toString()));
    StagedBatch kept =
        staging.keep(
            new StagedBatch(batchId, inputs),
            request.kept(),
            now.atOffset(ZoneOffset.UTC).toLocalDate().toString());
    return new ScheduledExportResult(kept, result);
  }

  private static String childWorkflowId(String pipeline, String batchId) {
    int version = Workflow.getVersion(INJECTIVE_CHILD_ID_CHANGE, Workflow.DEFAULT_VERSION, 1);
    return version == Workflow.DEFAULT_VERSION
        ? ExportWorkflowIds.legacyOf(pipeline, batchId)
        : ExportWorkflowIds.of(pipeline, batchId);
  }

  /** The child run is findable like any other, if this run's server knows the attributes. */
  private static SearchAttributes attributes(ScheduledExportRequest request, String batchId) {
    if (!Workflow.getTypedSearchAttributes().containsKey(ExportSearchAttributes.PIPELINE)) {
      return SearchAttributes.EMPTY;
    }
    return SearchAttributes.newBuilder()
        .set(ExportSearchAttributes.PIPELINE, request.pipeline().name())
        .set(ExportSearchAttributes.BATCH_ID, batchId)
        .build();
  }
}
