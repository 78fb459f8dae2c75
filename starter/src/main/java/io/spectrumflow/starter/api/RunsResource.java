package io.spectrumflow.starter.api;

import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.spectrumflow.workflows.export.ExportWorkflow;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** {@code GET /runs/{id}} and {@code GET /runs}: runs from Temporal, with live progress. */
@Path("/runs")
@Produces(MediaType.APPLICATION_JSON)
public final class RunsResource {

  /** The statuses {@code ?status=} takes, as Temporal's visibility names them. */
  private static final Map<String, String> STATUSES =
      Map.of(
          "running", "Running",
          "completed", "Completed",
          "failed", "Failed",
          "canceled", "Canceled",
          "terminated", "Terminated",
          "timed_out", "TimedOut");

  private final RunLookup lookup;

  public RunsResource(RunLookup lookup) {
    this.lookup = lookup;
  }

  @GET
  @Path("/{id}")
  public Response run(@PathParam("id") String workflowId) {
    return lookup
        .run(workflowId)
        .map(run -> Response.ok(run).build())
        .orElseGet(
            () ->
                ApiError.response(
                    Response.Status.NOT_FOUND, "no run with workflow id '" + workflowId + "'"));
  }

  @GET
  public Response runs(
      @QueryParam("pipeline") String pipeline,
      @QueryParam("status") String status,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    StringBuilder query = new StringBuilder("WorkflowType = '" + ExportWorkflow.TYPE + "'");
    if (pipeline != null && !pipeline.isBlank()) {
      try {
        ExportWorkflowIds.requireValidPipelineName(pipeline);
      } catch (IllegalArgumentException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
      }
      query
          .append(" AND ")
          .append(ExportSearchAttributes.PIPELINE.getName())
          .append(" = '")
          .append(pipeline)
          .append("'");
    }
    if (status != null && !status.isBlank()) {
      String visibility = STATUSES.get(status);
      if (visibility == null) {
        return ApiError.response(
            Response.Status.BAD_REQUEST,
            "status '" + status + "' is not one of " + String.join(", ", STATUSES.keySet()));
      }
      query.append(" AND ExecutionStatus = '").append(visibility).append("'");
    }
    List<RunView> runs = lookup.list(query.toString(), Math.max(1, Math.min(limit, 500)));
    return Response.ok(Map.of("runs", runs)).build();
  }
}
