package io.spectrumflow.starter.app;

import com.codahale.metrics.health.HealthCheck;
import io.grpc.health.v1.HealthCheckResponse;
import io.temporal.serviceclient.WorkflowServiceStubs;

/** Whether the Temporal frontend answers its health service. */
public final class TemporalHealthCheck extends HealthCheck {

  private final WorkflowServiceStubs service;
  private final String target;

  public TemporalHealthCheck(WorkflowServiceStubs service, String target) {
    this.service = service;
    this.target = target;
  }

  @Override
  protected Result check() {
    try {
      HealthCheckResponse response = service.healthCheck();
      return response.getStatus() == HealthCheckResponse.ServingStatus.SERVING
          ? Result.healthy("Temporal at " + target + " is serving")
          : Result.unhealthy("Temporal at " + target + " answers " + response.getStatus());
    } catch (RuntimeException e) {
      return Result.unhealthy("Temporal at " + target + " is unreachable: " + e.getMessage());
    }
  }
}
