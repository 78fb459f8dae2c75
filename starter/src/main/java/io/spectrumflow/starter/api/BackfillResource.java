package io.spectrumflow.starter.api;

import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.schedule.StagedBatch;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Exports every batch staged on some days again, each under its own batch id: its objects are
 * overwritten under the same keys (or, in replace mode, its partitions switched again), so a
 * backfill never duplicates rows.
 */
@Path("/pipelines/{name}/backfill")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BackfillResource {

  private static final int MAX_DAYS = 366;

  private final Pipelines pipelines;
  private final StagingArea staging;
  private final ExportRuns runs;
  private final RunLookup lookup;

  public BackfillResource(
      Pipelines pipelines, StagingArea staging, ExportRuns runs, RunLookup lookup) {
    this.pipelines = pipelines;
    this.staging = staging;
    this.runs = runs;
    this.lookup = lookup;
  }

  /** What a backfill started. */
  public record Backfilled(String batchId, String workflowId, String runId) {}

  /** A staged body a backfill left alone, and why. */
  public record Skipped(String batchId, List<String> inputs, String reason) {}

  @POST
  @PermitAll
  public Response backfill(@PathParam("name") String name, BackfillRequest request) {
    if (!pipelines.has(name)) {
      return ApiError.response(Response.Status.NOT_FOUND, "no pipeline named '" + name + "'");
    }
    LocalDate from;
    LocalDate to;
    try {
      from = LocalDate.parse(request.from());
      to = LocalDate.parse(request.to());
    } catch (DateTimeParseException | NullPointerException e) {
      return ApiError.response(
          Response.Status.BAD_REQUEST,
          "give the dates as {\"from\": \"2026-11-01\", \"to\": \"2026-11-07\"}");
    }
    if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
      return ApiError.response(
          Response.Status.BAD_REQUEST,
          "from must not be after to, and a backfill covers at most " + MAX_DAYS + " days");
    }
    PipelineSpec pipeline = pipelines.pipeline(name);
    List<Backfilled> started = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      List<StagedBatch> batches = new ArrayList<>();
      for (StagedBatch posted : staging.postedOn(name, day)) {
        String other = otherRunsInputs(name, posted);
        if (other == null) {
          batches.add(posted);
        } else {
          skipped.add(new Skipped(posted.batchId(), posted.inputs(), other));
        }
      }
      batches.addAll(staging.keptOn(name, day));
      for (StagedBatch batch : batches) {
        RunStarted run =
            runs.start(new ExportRequest(batch.batchId(), pipeline, batch.inputs(), null), true);
        started.add(new Backfilled(batch.batchId(), run.workflowId(), run.runId()));
      }
    }
    return Response.accepted(Map.of("runs", started, "skipped", skipped)).build();
  }

  /**
   * Why a posted body is not its batch's: the batch's run exports other objects (this body lost the
   * race for the batch id, or was sent again with different records); null when it is, or when the
   * batch has no run any more to tell.
   */
  private String otherRunsInputs(String pipeline, StagedBatch posted) {
    return lookup
        .batchRun(pipeline, posted.batchId())
        .filter(run -> run.request() != null && !posted.inputs().equals(run.request().inputs()))
        .map(
            run ->
                "batch "
                    + posted.batchId()
                    + " is run "
                    + run.view().workflowId()
                    + ", which exports "
                    + run.request().inputs())
        .orElse(null);
  }
}
