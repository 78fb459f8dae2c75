package io.spectrumflow.worker.app;

import com.uber.m3.tally.Scope;
import io.dropwizard.lifecycle.Managed;
import io.spectrumflow.worker.ExportWorker;
import java.time.Duration;

/**
 * The worker's polling as part of the application's lifecycle: it polls once the application has
 * started; on stop it stops polling, gives running activities the grace period to finish, closes
 * its Temporal and AWS connections, and reports the last SDK metrics.
 */
public final class ManagedExportWorker implements Managed {

  private final ExportWorker worker;
  private final Scope sdkMetrics;
  private final Duration grace;

  public ManagedExportWorker(ExportWorker worker, Scope sdkMetrics, Duration grace) {
    this.worker = worker;
    this.sdkMetrics = sdkMetrics;
    this.grace = grace;
  }

  @Override
  public void start() {
    worker.start();
  }

  @Override
  public void stop() throws Exception {
    try {
      worker.stop(grace);
    } finally {
      sdkMetrics.close();
    }
  }
}
