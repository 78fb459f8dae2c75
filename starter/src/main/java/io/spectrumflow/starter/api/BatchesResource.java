package io.spectrumflow.starter.api;

import io.spectrumflow.activities.dump.BadInputException;
import io.spectrumflow.activities.dump.InputCheck;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.starter.staging.BodyIntake;
import io.spectrumflow.starter.staging.StagingArea;
import io.spectrumflow.workflows.export.ExportRequest;
import io.spectrumflow.workflows.export.ExportWorkflowIds;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.SourceFormat;
import io.spectrumflow.workflows.schedule.StagedBatch;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** {@code POST /pipelines/{name}/batches}: a batch in the body, or staged objects named. */
@Path("/pipelines/{name}/batches")
@Produces(MediaType.APPLICATION_JSON)
public final class BatchesResource {

  /** The media type of a reference to objects already staged in S3. */
  public static final String STAGED = "application/vnd.spectrumflow.staged+json";

  private final Pipelines pipelines;
  private final StagingArea staging;
  private final ExportRuns runs;
  private final RunLookup lookup;
  private final BodyIntake intake;
  private final Clock clock;

  public BatchesResource(
      Pipelines pipelines,
      StagingArea staging,
      ExportRuns runs,
      RunLookup lookup,
      BodyIntake intake,
      Clock clock) {
    this.pipelines = pipelines;
    this.staging = staging;
    this.runs = runs;
    this.lookup = lookup;
    this.intake = intake;
    this.clock = clock;
  }

  @POST
  @PermitAll
  @Consumes({"text/csv", MediaType.APPLICATION_JSON, "application/x-ndjson", "application/jsonl"})
  public Response postBody(
      @PathParam("name") String name,
      @QueryParam("batchId") String batchId,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body)
      throws IOException {
    if (!pipelines.has(name)) {
      return unknown(name);
    }
    PipelineSpec pipeline = pipelines.pipeline(name);
    String mismatch = formatMismatch(pipeline, contentType);
    if (mismatch != null) {
      return ApiError.response(Response.Status.UNSUPPORTED_MEDIA_TYPE, mismatch);
    }
    String id;
    try {
      id = BatchIds.choose(batchId, idempotencyKey, name, clock);
    } catch (IllegalArgumentException e) {
      return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
    Response existing = existingRun(name, id);
    if (existing != null) {
      return existing;
    }
    Response busy = tooManyRuns(name);
    if (busy != null) {
      return busy;
    }
    java.nio.file.Path file;
    try {
      file = intake.take(body);
    } catch (BodyIntake.TooLarge e) {
      return ApiError.response(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          e.getMessage() + ": split the batch, or stage it in S3 and post a reference to it");
    }
    try {
      InputCheck.records(pipeline.format(), file);
      StagedBatch staged =
          staging.stage(
              name,
              LocalDate.now(clock.withZone(ZoneOffset.UTC)),
              id,
              file,
              pipeline.format() == SourceFormat.CSV ? "csv" : "json");
      return start(pipeline, staged);
    } catch (BadInputException bad) {
      return ApiError.response(
          400,
          new ApiError(
              400,
              bad.getMessage(),
              bad.record() == 0 ? null : bad.record(),
              bad.line() == 0 ? null : bad.line()));
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @POST
  @PermitAll
  @Consumes(STAGED)
  public Response postReference(@PathParam("name") String name, StagedReference reference) {
    if (!pipelines.has(name)) {
      return unknown(name);
    }
    if (reference == null || reference.inputs() == null || reference.inputs().isEmpty()) {
      return ApiError.response(
          Response.Status.BAD_REQUEST,
          "name the staged objects: {\"inputs\": [\"s3://bucket/key\", ...]}");
    }
    for (String input : reference.inputs()) {
      if (input == null || !input.matches("s3://[^/]+/.+")) {
        return ApiError.response(
            Response.Status.BAD_REQUEST,
            "input '" + input + "' is not of the form s3://bucket/key");
      }
    }
    String id;
    try {
      id =
          reference.batchId() == null
              ? BatchIds.forInputs(name, reference.inputs())
              : ExportWorkflowIds.requireValidBatchId(reference.batchId());
    } catch (IllegalArgumentException e) {
      return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
    Response existing = existingRun(name, id);
    if (existing != null) {
      return existing;
    }
    Response busy = tooManyRuns(name);
    if (busy != null) {
      return busy;
    }
    return start(pipelines.pipeline(name), new StagedBatch(id, List.copyOf(reference.inputs())));
  }

  private Response start(PipelineSpec pipeline, StagedBatch batch) {
    RunStarted started =
        runs.start(new ExportRequest(batch.batchId(), pipeline, batch.inputs(), null), false);
    return accepted(started, batch.batchId(), batch.inputs());
  }

  /** A batch already submitted answers with its run instead of staging and starting again. */
  private Response existingRun(String pipeline, String batchId) {
    String workflowId = ExportWorkflowIds.of(pipeline, batchId);
    return lookup
        .run(workflowId)
        .filter(run -> !run.status().equals("failed") && !run.status().equals("terminated"))
        .map(
            run ->
                accepted(
                    new RunStarted(workflowId, run.runId(), true),
                    batchId,
                    run.result() == null ? List.of() : run.result().s3Keys()))
        .orElse(null);
  }

  private Response tooManyRuns(String pipeline) {
    int limit = pipelines.maxConcurrentRuns(pipeline);
    if (limit > 0 && runs.running(pipeline) >= limit) {
      return Response.status(429)
          .type(MediaType.APPLICATION_JSON_TYPE)
          .header("Retry-After", "30")
          .entity(
              new ApiError(
                  429,
                  "pipeline "
                      + pipeline
                      + " already has "
                      + limit
                      + " runs going, its limit: try again when one has finished",
                  null,
                  null))
          .build();
    }
    return null;
  }

  private static Response accepted(RunStarted started, String batchId, List<String> inputs) {
    String link = "/runs/" + started.workflowId();
    return Response.status(Response.Status.ACCEPTED)
        .location(URI.create(link))
        .entity(
            new BatchAccepted(
                started.workflowId(), started.runId(), batchId, started.existing(), inputs, link))
        .build();
  }

  private Response unknown(String name) {
    return ApiError.response(
        Response.Status.NOT_FOUND,
        "no pipeline named '" + name + "'; configured: " + String.join(", ", pipelines.names()));
  }

  /** A CSV pipeline takes text/csv; a JSON one takes JSON or NDJSON. */
  private static String formatMismatch(PipelineSpec pipeline, String contentType) {
    String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
    boolean csv = type.startsWith("text/csv");
    boolean wantsCsv = pipeline.format() == SourceFormat.CSV;
    if (csv == wantsCsv) {
      return null;
    }
    return "pipeline "
        + pipeline.name()
        + " takes "
        + (wantsCsv
            ? "CSV: send Content-Type: text/csv"
            : "JSON: send Content-Type: application/json or application/x-ndjson");
  }
}
