package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.activities.heartbeat.Heartbeats;
import io.spectrumflow.workflows.export.CatalogActivities;
import io.spectrumflow.workflows.export.CatalogRequest;
import io.spectrumflow.workflows.export.CatalogResult;
import io.spectrumflow.workflows.export.CrawlRequest;
import io.spectrumflow.workflows.export.CrawlResult;
import io.spectrumflow.workflows.export.RestoreRequest;
import io.spectrumflow.workflows.export.UndoSwitchRequest;
import io.spectrumflow.workflows.export.UndoSwitchResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;

/** The catalog step, in direct or crawler mode. */
public final class CatalogActivitiesImpl implements CatalogActivities {

  private static final Logger log = LoggerFactory.getLogger(CatalogActivitiesImpl.class);

  private final DirectCatalog direct;
  private final CrawlerRuns crawls;
  private final CrawledTable crawled;
  private final PartitionVersions versions;

  public CatalogActivitiesImpl(GlueClient glue) {
    this.direct = new DirectCatalog(glue);
    this.versions = new PartitionVersions(glue);
    this.crawls = new CrawlerRuns(glue);
    this.crawled = new CrawledTable(glue);
  }

  @Override
  public CatalogResult registerPartitions(CatalogRequest request) {
    try {
      String runId = Activity.getExecutionContext().getInfo().getRunId();
      return Heartbeats.during(() -> direct.register(request, runId));
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "catalog registration", e);
    }
  }

  @Override
  public CrawlResult crawl(CrawlRequest request) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      return crawls.run(new CrawlerDefinition(request.pipeline()), () -> context.heartbeat(null));
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "crawler run", e);
    }
  }

  @Override
  public void restorePartitions(RestoreRequest request) {
    try {
      Heartbeats.during(
          () -> {
            versions.restore(request.pipeline(), request.locations());
            return null;
          });
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "BatchUpdatePartition", e);
    }
  }

  @Override
  public UndoSwitchResult undoPartitionSwitch(UndoSwitchRequest request) {
    try {
      String runId = Activity.getExecutionContext().getInfo().getRunId();
      UndoSwitchResult undone =
          Heartbeats.during(
              () ->
                  versions.undo(
                      request.pipeline(), request.partitionValues(), request.batchId(), runId));
      log.info(
          "glue {}.{}: batch {} undone: {} partitions pointed back, {} removed, {} kept from an"
              + " earlier run",
          request.pipeline().catalog().database(),
          request.pipeline().catalog().table(),
          request.batchId(),
          undone.restored(),
          undone.dropped(),
          undone.kept());
      return undone;
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "partition switch undo", e);
    }
  }

  @Override
  public CatalogResult adoptCrawledTable(CatalogRequest request) {
    try {
      return Heartbeats.during(() -> crawled.adopt(request));
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "crawled table update", e);
    }
  }
}
