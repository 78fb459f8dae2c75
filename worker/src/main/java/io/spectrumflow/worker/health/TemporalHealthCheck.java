package io.spectrumflow.worker.health;

import com.codahale.metrics.health.HealthCheck;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.concurrent.TimeUnit;

/** The Temporal frontend the worker polls answers GetSystemInfo, through the worker's own stubs. */
public final class TemporalHealthCheck extends HealthCheck {

  private static final long DEADLINE_SECONDS = 5;

  private final WorkflowServiceStubs service;
  private final String target;

  public TemporalHealthCheck(WorkflowServiceStubs service, String target) {
    this.service = service;
    this.target = target;
  }

  @Override
  protected Result check() {
    try {
      GetSystemInfoResponse info =
          service
              .blockingStub()
              .withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      String version = info.getServerVersion().isEmpty() ? "unknown" : info.getServerVersion();
      return Result.healthy(
          "Temporal at " + target + ": GetSystemInfo answered (server version " + version + ")");
    } catch (StatusRuntimeException e) {
      return Result.unhealthy(
          "Temporal at "
              + target
              + ": GetSystemInfo failed: "
              + e.getStatus().getCode()
              + (e.getStatus().getDescription() == null
                  ? ""
                  : " (" + e.getStatus().getDescription() + ")"));
    }
  }
}
