package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.WriteMode;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.util.List;
import org.slf4j.Logger;

/**
 * A failed run takes back what it wrote, so the table reads as if the batch had never come:
 * partitions it switched (replace mode) point back at their previous version, partitions it created
 * are removed, and its objects are deleted. Runs even when the run was cancelled. Workflow code:
 * deterministic.
 */
final class RunRollback {

  private static final Logger log = Workflow.getLogger(RunRollback.class);

  /** Rollback undoes replace-mode switches as the partitions record them (version 1). */
  static final String UNDO_SWITCH_CHANGE = "undo-switch-from-partitions";

  private final CatalogActivities catalog;
  private final StorageActivities storage;
  private final RunProgress progress;

  RunRollback(CatalogActivities catalog, StorageActivities storage, RunProgress progress) {
    this.catalog = catalog;
    this.storage = storage;
    this.progress = progress;
  }

  /**
   * @param partitions the partitions the run wrote objects to
   * @param catalogStarted whether the run reached its catalog step
   * @param cataloged the catalog step's result, or null if it did not finish
   */
  void run(
      ExportRequest request,
      String batchTime,
      List<String> partitions,
      boolean catalogStarted,
      CatalogResult cataloged) {
    PipelineSpec pipeline = request.pipeline();
    Workflow.newDetachedCancellationScope(
            () -> {
              try {
                progress.step(
                    "rollback",
                    () -> {
                      List<String> removable =
                          catalogStarted ? undoCatalog(request, partitions, cataloged) : partitions;
                      return removable.isEmpty()
                          ? 0
                          : storage.removeBatchObjects(
                              new RemoveBatchRequest(
                                  pipeline, request.batchId(), batchTime, removable));
                    });
              } catch (ActivityFailure undone) {
                log.error(
                    "rollback of batch {} failed; its objects may remain under {}: {}",
                    request.batchId(),
                    pipeline.tableLocation(),
                    undone.getCause().getMessage());
              }
            })
        .run();
  }

  /**
   * Takes back the run's catalog changes and tells the partitions whose objects may then go. In
   * replace mode the partitions themselves record which run switched them, so a catalog step that
   * failed halfway is undone as well as one that finished; a partition an earlier run of the same
   * batch switched keeps its objects.
   */
  private List<String> undoCatalog(
      ExportRequest request, List<String> partitions, CatalogResult cataloged) {
    PipelineSpec pipeline = request.pipeline();
    if (pipeline.storage().mode() != WriteMode.REPLACE_PARTITIONS) {
      return partitions; // appended partitions stay registered: other batches' objects are there
    }
    if (Workflow.getVersion(UNDO_SWITCH_CHANGE, Workflow.DEFAULT_VERSION, 1)
        == Workflow.DEFAULT_VERSION) {
      // a run recorded before switches were recorded in the partitions
      if (cataloged != null && !cataloged.replaced().isEmpty()) {
        catalog.restorePartitions(new RestoreRequest(pipeline, cataloged.replaced()));
      }
      return partitions;
    }
    UndoSwitchResult undone =
        catalog.undoPartitionSwitch(new UndoSwitchRequest(pipeline, request.batchId(), partitions));
    if (!undone.kept().isEmpty()) {
      log.warn(
          "batch {}: partitions {} were switched by an earlier run of this batch; their objects"
              + " stay",
          request.batchId(),
          undone.kept());
    }
    return partitions.stream().filter(p -> !undone.kept().contains(p)).toList();
  }
}
