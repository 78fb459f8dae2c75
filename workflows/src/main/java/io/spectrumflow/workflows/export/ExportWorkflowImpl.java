package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.slots.RunSlot;
import io.spectrumflow.workflows.slots.RunSlotHolder;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Functions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;

/** The export recipe as a workflow. Deterministic: all I/O happens in activities. */
public class ExportWorkflowImpl implements ExportWorkflow, RunSlotHolder {

  private static final Logger log = Workflow.getLogger(ExportWorkflowImpl.class);

  /** A cleanup that fails after the switch is logged, not a failure of the run (version 1). */
  private static final String CLEANUP_FAILURE_CHANGE = "cleanup-failure-keeps-run";

  /**
   * Chunk columns are named by the existing table's field map, in no order of appearance (version
   * 1); before, in order of first appearance.
   */
  private static final String COLUMN_MAP_CHANGE = "chunk-columns-by-table";

  /** A pipeline's maxConcurrentRuns is kept by its run slots (version 1). */
  private static final String RUN_SLOTS_CHANGE = "run-slots";

  private final DumpActivities dump =
      Workflow.newActivityStub(DumpActivities.class, ExportStepOptions.dump());
  private final CatalogActivities catalog =
      Workflow.newActivityStub(CatalogActivities.class, ExportStepOptions.catalog());
  private final CatalogActivities crawler =
      Workflow.newActivityStub(CatalogActivities.class, ExportStepOptions.crawl());
  private final RedshiftActivities redshift =
      Workflow.newActivityStub(RedshiftActivities.class, ExportStepOptions.redshift());
  private final StorageActivities storage =
      Workflow.newActivityStub(StorageActivities.class, ExportStepOptions.storage());
  private final AlertActivities alerts =
      Workflow.newActivityStub(AlertActivities.class, ExportStepOptions.alert());
  private final RunProgress progress = new RunProgress();
  private final RunRollback rollback = new RunRollback(catalog, storage, progress);
  private final RunSlot slot = new RunSlot();

  // What the run has done so far, for its rollback.
  private String batchTime;
  private final SortedSet<String> writtenPartitions = new TreeSet<>();
  private boolean catalogStarted;
  private CatalogResult cataloged;

  @Override
  public ExportResult export(ExportRequest request) {
    // The slot goes back on both paths; not in a finally, which would also run while a cached
    // workflow thread is destroyed.
    try {
      ExportResult result = run(request);
      progress.finish("done");
      slot.release();
      return result;
    } catch (TemporalFailure failure) {
      String failedStep = progress.current();
      if (!writtenPartitions.isEmpty()) {
        rollback.run(request, batchTime, List.copyOf(writtenPartitions), catalogStarted, cataloged);
      }
      progress.finish("failed");
      slot.release();
      alert(request, failedStep, failure);
      throw failure;
    }
  }

  /** Once per failed run: the webhook hears of the run's failure, not of retried attempts. */
  private void alert(ExportRequest request, String step, TemporalFailure failure) {
    if (request == null
        || request.pipeline() == null
        || request.pipeline().failureWebhook() == null) {
      return;
    }
    String message =
        failure instanceof ApplicationFailure application
            ? application.getOriginalMessage()
            : failure.getMessage();
    try {
      alerts.notifyFailure(
          new FailureAlert(
              request.pipeline().failureWebhook(),
              request.pipeline().name(),
              request.batchId(),
              Workflow.getInfo().getWorkflowId(),
              step,
              message));
    } catch (ActivityFailure undelivered) {
      // The run's own failure is what matters; the alert's is only logged.
      log.warn("could not deliver the failure alert: {}", undelivered.getCause().getMessage());
    }
  }

  @Override
  public ExportProgress progress() {
    return progress.snapshot();
  }

  @Override
  public void slotGranted() {
    slot.granted();
  }

  /**
   * Waits, as step {@code queued}, until fewer than the pipeline's {@code maxConcurrentRuns} runs
   * are in their steps: a burst of runs is let through a few at a time, in the order they came.
   */
  private void waitForRunSlot(PipelineSpec pipeline) {
    if (pipeline.maxConcurrentRuns() <= 0
        || Workflow.getVersion(RUN_SLOTS_CHANGE, Workflow.DEFAULT_VERSION, 1)
            == Workflow.DEFAULT_VERSION) {
      return;
    }
    progress.step(
        "queued",
        () -> {
          slot.acquire(pipeline.name(), pipeline.maxConcurrentRuns());
          return null;
        });
  }

  private ExportResult run(ExportRequest request) {
    ExportRequestCheck.requireValid(request);
    PipelineSpec pipeline = request.pipeline();
    batchTime =
        request.batchTime() != null
            ? request.batchTime()
            : Instant.ofEpochMilli(Workflow.currentTimeMillis()).toString();
    waitForRunSlot(pipeline);

    Landed landed =
        request.inputs().size() > 1
            ? fanOut(request)
            : dumpAndUpload(
                new DumpRequest(request.batchId(), pipeline, request.inputs(), batchTime), true);
    List<String> partitions =
        landed.dumped.files().stream().map(PartFile::partitionValue).distinct().sorted().toList();
    RunSearchAttributes.partitions(partitions);

    CatalogRequest catalogRequest =
        new CatalogRequest(pipeline, landed.dumped.columns(), partitions, request.batchId());
    catalogStarted = true;
    cataloged = step("catalog", () -> catalog(catalogRequest));
    StatementResult ddl =
        step(
            "ddl",
            () ->
                redshift.applyExternalSchema(
                    new DdlRequest(pipeline.redshift(), cataloged.database())));
    List<String> uris = landed.uploaded.objects().stream().map(UploadedObject::uri).toList();
    CountResult counted =
        step(
            "verify",
            () ->
                redshift.countRows(
                    new CountRequest(
                        pipeline.redshift(),
                        cataloged.table(),
                        pipeline.partition().column(),
                        partitions,
                        uris)));
    if (counted.rows() != landed.dumped.rows()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "verify: Redshift counts "
              + counted.rows()
              + " rows in the batch's objects but "
              + landed.dumped.rows()
              + " were written ("
              + counted.sql()
              + ")",
          ExportFailures.VERIFICATION_FAILED);
    }
    if (!cataloged.replacedLocations().isEmpty()) {
      removeReplacedVersions(request, uris);
    }
    RunSearchAttributes.rows(counted.rows());
    log.info(
        "batch {} of pipeline {}: {} rows in {} objects verified through Redshift",
        request.batchId(),
        pipeline.name(),
        counted.rows(),
        uris.size());
    return new ExportResult(
        request.batchId(),
        pipeline.name(),
        landed.dumped.rows(),
        counted.rows(),
        uris.size(),
        landed.dumped.bytes(),
        uris,
        partitions,
        cataloged.database(),
        cataloged.table(),
        ddl.sql(),
        progress.timings());
  }

  /** Direct mode registers the partitions; crawler mode crawls, then adopts the crawled table. */
  private CatalogResult catalog(CatalogRequest request) {
    if (request.pipeline().catalog().mode() == CatalogMode.CRAWLER) {
      crawler.crawl(new CrawlRequest(request.pipeline()));
      return catalog.adoptCrawledTable(request);
    }
    return catalog.registerPartitions(request);
  }

  /**
   * Removes the objects of the versions this run switched away from, once queries that listed them
   * before the switch are done. The batch is landed and verified by now: should the removal fail,
   * the leftover objects are logged, and the run neither fails nor rolls back (that would point the
   * partitions at a version partly removed).
   */
  private void removeReplacedVersions(ExportRequest request, List<String> uris) {
    PipelineSpec pipeline = request.pipeline();
    boolean failureKeepsRun =
        Workflow.getVersion(CLEANUP_FAILURE_CHANGE, Workflow.DEFAULT_VERSION, 1)
            != Workflow.DEFAULT_VERSION;
    try {
      step(
          "cleanup",
          () -> {
            Workflow.sleep(Duration.ofSeconds(pipeline.storage().replaceGraceSeconds()));
            return storage.removeReplacedObjects(
                new PruneRequest(
                    pipeline,
                    cataloged.replacedLocations(),
                    uris.stream()
                        .map(uri -> uri.substring(0, uri.lastIndexOf('/') + 1))
                        .distinct()
                        .toList()));
          });
    } catch (ApplicationFailure leftover) {
      if (!failureKeepsRun) {
        throw leftover;
      }
      log.error(
          "batch {} is verified, but the replaced versions' objects under {} could not all be"
              + " removed; no partition points at them, delete them by hand: {}",
          request.batchId(),
          cataloged.replacedLocations(),
          leftover.getOriginalMessage());
    }
  }

  /**
   * A batch staged as many inputs: its chunks are dumped and uploaded in parallel, each pair on
   * whichever worker takes it, after every chunk's columns were read and merged into one schema
   * (unless the pipeline gives one). Catalog, DDL and verify then run once for the whole batch.
   */
  private Landed fanOut(ExportRequest request) {
    List<List<String>> chunks = ChunkPlan.of(request.inputs(), ExportStepOptions.MAX_CHUNKS);
    PipelineSpec pipeline = request.pipeline();
    if (pipeline.schema() == null || pipeline.schema().isEmpty()) {
      List<List<InferredColumn>> inferred =
          step(
              "infer",
              () ->
                  inParallel(
                      chunks.size(),
                      chunk ->
                          dump.inferColumns(
                              new DumpRequest(
                                  request.batchId(),
                                  request.pipeline(),
                                  chunks.get(chunk),
                                  batchTime,
                                  chunk))));
      String partitionColumn = pipeline.partition().column();
      pipeline =
          pipeline.withSchema(
              Workflow.getVersion(COLUMN_MAP_CHANGE, Workflow.DEFAULT_VERSION, 1)
                      == Workflow.DEFAULT_VERSION
                  ? ChunkColumns.merge(inferred, partitionColumn)
                  : ChunkColumns.mergeByTable(inferred, partitionColumn));
    }
    PipelineSpec typed = pipeline;
    List<Landed> pairs =
        progress.step(
            "dump+upload",
            () ->
                inParallel(
                    chunks.size(),
                    chunk ->
                        dumpAndUpload(
                            new DumpRequest(
                                request.batchId(), typed, chunks.get(chunk), batchTime, chunk),
                            false)));
    List<PartFile> files = new ArrayList<>();
    List<UploadedObject> objects = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    long rows = 0;
    long bytes = 0;
    for (Landed pair : pairs) {
      files.addAll(pair.dumped.files());
      objects.addAll(pair.uploaded.objects());
      stale.addAll(pair.uploaded.staleKeysRemoved());
      rows += pair.dumped.rows();
      bytes += pair.dumped.bytes();
    }
    progress.written(rows, files.size(), bytes);
    return new Landed(
        new DumpResult("", pairs.get(0).dumped.columns(), files, rows, bytes),
        new UploadResult(objects, stale));
  }

  /**
   * Runs one body per chunk, each in its own workflow thread, and returns their results in order.
   */
  private static <T> List<T> inParallel(int chunks, Functions.Func1<Integer, T> body) {
    List<Promise<T>> promises = new ArrayList<>();
    for (int chunk = 0; chunk < chunks; chunk++) {
      promises.add(Async.function(body, chunk));
    }
    List<T> results = new ArrayList<>();
    for (Promise<T> promise : promises) {
      results.add(promise.get());
    }
    return results;
  }

  /**
   * Dump and upload run on the same worker: the upload goes to the host queue the dump names. If
   * that worker disappears before the upload is done, its files are gone with it, so the pair is
   * redone, possibly on another worker.
   *
   * @param alone whether this is the batch's only pair, whose steps the progress shows as dump and
   *     upload; pairs of chunks run side by side under one step
   */
  private Landed dumpAndUpload(DumpRequest dumpRequest, boolean alone) {
    for (int attempt = 1; ; attempt++) {
      DumpResult dumped =
          alone
              ? step("dump", () -> dump.dumpParquet(dumpRequest))
              : call("dump", () -> dump.dumpParquet(dumpRequest));
      dumped.files().forEach(file -> writtenPartitions.add(file.partitionValue()));
      if (alone) {
        progress.written(dumped.rows(), dumped.files().size(), dumped.bytes());
      }
      UploadRequest uploadRequest =
          new UploadRequest(
              dumpRequest.batchId(),
              dumpRequest.pipeline(),
              dumpRequest.batchTime(),
              dumped.files(),
              dumpRequest.chunk());
      Optional<UploadResult> uploaded = uploadOnHost(dumped.hostTaskQueue(), uploadRequest, alone);
      if (uploaded.isPresent()) {
        return new Landed(dumped, uploaded.get());
      }
      if (attempt >= ExportStepOptions.PAIR_ATTEMPTS) {
        throw ApplicationFailure.newFailure(
            "upload: no worker finished the upload of the dumped files in "
                + attempt
                + " attempts (each worker that dumped them went away)",
            "HostGone");
      }
      log.warn(
          "upload: worker queue {} did not finish the upload; dumping again elsewhere, attempt {}"
              + " of {}",
          dumped.hostTaskQueue(),
          attempt + 1,
          ExportStepOptions.PAIR_ATTEMPTS);
    }
  }

  /**
   * Uploads on the host that has the files. Each attempt is a new activity, so that each one again
   * waits at most the pickup timeout for the host: a host that went away shows as a timeout, and
   * then the pair is redone elsewhere (empty result).
   */
  private Optional<UploadResult> uploadOnHost(
      String hostQueue, UploadRequest request, boolean alone) {
    UploadActivities upload =
        Workflow.newActivityStub(UploadActivities.class, ExportStepOptions.upload(hostQueue));
    for (int attempt = 1; ; attempt++) {
      try {
        return Optional.of(
            alone
                ? progress.step("upload", () -> upload.uploadPartitions(request))
                : upload.uploadPartitions(request));
      } catch (ActivityFailure failure) {
        if (failure.getCause() instanceof TimeoutFailure) {
          return Optional.empty();
        }
        if (!isRetryable(failure) || attempt >= ExportStepOptions.UPLOAD_ATTEMPTS) {
          throw stepFailed("upload", failure);
        }
        Workflow.sleep(ExportStepOptions.uploadBackoff(attempt));
      }
    }
  }

  private static boolean isRetryable(ActivityFailure failure) {
    return !(failure.getCause() instanceof ApplicationFailure application
        && application.isNonRetryable());
  }

  /**
   * Runs a step, recording its progress and time; a failure becomes one whose message starts with
   * the step's name.
   */
  private <T> T step(String name, Supplier<T> activities) {
    return progress.step(name, () -> call(name, activities));
  }

  /** Runs activities of a step; a failure becomes one whose message starts with the step's name. */
  private static <T> T call(String name, Supplier<T> activities) {
    try {
      return activities.get();
    } catch (ActivityFailure failure) {
      throw stepFailed(name, failure);
    }
  }

  private static ApplicationFailure stepFailed(String step, ActivityFailure failure) {
    Throwable cause = failure.getCause();
    String type = "StepFailed";
    String message = cause == null ? failure.getMessage() : cause.getMessage();
    if (cause instanceof ApplicationFailure application) {
      type = application.getType();
      message = application.getOriginalMessage();
    } else if (cause instanceof TimeoutFailure timeout) {
      message = "timed out (" + timeout.getTimeoutType() + ")";
    }
    return ApplicationFailure.newNonRetryableFailureWithCause(step + ": " + message, type, failure);
  }

  private record Landed(DumpResult dumped, UploadResult uploaded) {}
}
