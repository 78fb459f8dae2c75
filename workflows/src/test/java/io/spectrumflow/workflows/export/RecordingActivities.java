package io.spectrumflow.workflows.export;

import io.spectrumflow.workflows.pipeline.ColumnType;
import io.spectrumflow.workflows.pipeline.WriteMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activity implementations for workflow tests: they answer like the real ones would for a batch of
 * three rows over two dates, record the calls, and can be told to fail.
 */
class RecordingActivities
    implements DumpActivities,
        UploadActivities,
        CatalogActivities,
        RedshiftActivities,
        StorageActivities,
        AlertActivities {

  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  final List<DumpRequest> dumpRequests = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger catalogFailuresLeft = new AtomicInteger();
  final AtomicInteger uploadFailuresLeft = new AtomicInteger();
  volatile RuntimeException dumpFailure;
  volatile RuntimeException crawlFailure;
  volatile long countAnswer = 3;
  volatile RuntimeException pruneFailure;
  volatile UndoSwitchResult undoAnswer =
      new UndoSwitchResult(List.of("2026-11-24"), List.of("2026-11-23"), List.of());

  /** The host queue each dump names, in turn; the last one is repeated. */
  final List<String> hostQueues;

  RecordingActivities(String... hostQueues) {
    this.hostQueues = new ArrayList<>(List.of(hostQueues));
  }

  @Override
  public DumpResult dumpParquet(DumpRequest request) {
    calls.add("dump");
    dumpRequests.add(request);
    if (dumpFailure != null) {
      throw dumpFailure;
    }
    String hostQueue = hostQueues.size() > 1 ? hostQueues.remove(0) : hostQueues.get(0);
    int base = request.chunk() * DumpRequest.FILES_PER_CHUNK;
    return new DumpResult(
        hostQueue,
        TestPipelines.columns(),
        List.of(
            new PartFile("2026-11-23", base, "/tmp/a", 1, 100),
            new PartFile("2026-11-24", base, "/tmp/b", 2, 150)),
        3,
        250);
  }

  @Override
  public List<InferredColumn> inferColumns(DumpRequest request) {
    calls.add("infer " + request.chunk());
    // chunk 0 has whole numbers, chunk 1 decimals, chunk 2 only nulls in "amount"
    return List.of(
        new InferredColumn("id", ColumnType.BIGINT, false, "id"),
        new InferredColumn(
            "amount",
            request.chunk() == 1 ? ColumnType.DOUBLE : ColumnType.BIGINT,
            request.chunk() == 2,
            "Amount"));
  }

  @Override
  public UploadResult uploadPartitions(UploadRequest request) {
    calls.add("upload");
    if (uploadFailuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("S3.PutObject: SlowDown (503)");
    }
    return new UploadResult(
        request.files().stream()
            .map(
                f ->
                    new UploadedObject(
                        "lake",
                        "exports/events/date="
                            + f.partitionValue()
                            + "/"
                            + request.batchId()
                            + String.format("-%05d.parquet", f.sequence()),
                        f.partitionValue(),
                        f.rows(),
                        f.bytes()))
            .toList(),
        List.of());
  }

  @Override
  public CatalogResult registerPartitions(CatalogRequest request) {
    calls.add("catalog");
    if (catalogFailuresLeft.getAndDecrement() > 0) {
      throw new IllegalStateException("Rate exceeded (Service: Glue, Status Code: 400)");
    }
    boolean replacing = request.pipeline().storage().mode() == WriteMode.REPLACE_PARTITIONS;
    return new CatalogResult(
        request.pipeline().catalog().database(),
        request.pipeline().catalog().table(),
        request.pipeline().tableLocation(),
        request.partitionValues().size(),
        0,
        List.of(),
        replacing
            ? Map.of("2026-11-24", "s3://lake/exports/events/date=2026-11-24/batch=old/")
            : Map.of());
  }

  @Override
  public CrawlResult crawl(CrawlRequest request) {
    calls.add("crawl");
    if (crawlFailure != null) {
      throw crawlFailure;
    }
    return new CrawlResult("spectrumflow-events", false, false, false);
  }

  @Override
  public CatalogResult adoptCrawledTable(CatalogRequest request) {
    calls.add("adopt");
    return new CatalogResult(
        request.pipeline().catalog().database(),
        request.pipeline().catalog().table(),
        request.pipeline().tableLocation(),
        0,
        request.partitionValues().size(),
        List.of());
  }

  final List<FailureAlert> alertsSent = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void notifyFailure(FailureAlert alert) {
    alertsSent.add(alert);
  }

  @Override
  public void restorePartitions(RestoreRequest request) {
    calls.add("restore " + request.locations());
  }

  @Override
  public UndoSwitchResult undoPartitionSwitch(UndoSwitchRequest request) {
    calls.add("undo switch " + request.batchId() + " " + request.partitionValues());
    return undoAnswer;
  }

  @Override
  public int removeBatchObjects(RemoveBatchRequest request) {
    calls.add("remove batch " + request.batchId() + " " + request.partitionValues());
    return 2;
  }

  @Override
  public int removeReplacedObjects(PruneRequest request) {
    calls.add("prune " + request.locations() + " keep " + request.keep());
    if (pruneFailure != null) {
      throw pruneFailure;
    }
    return request.locations().size();
  }

  @Override
  public StatementResult applyExternalSchema(DdlRequest request) {
    calls.add("ddl");
    return new StatementResult("CREATE EXTERNAL SCHEMA IF NOT EXISTS \"spectrum\" ...", "stmt-1");
  }

  @Override
  public CountResult countRows(CountRequest request) {
    calls.add("verify");
    return new CountResult("SELECT count(*) ...", countAnswer);
  }
}
