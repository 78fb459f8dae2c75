package io.spectrumflow.starter.api;

import io.spectrumflow.activities.dump.BadInputException;
import io.spectrumflow.activities.dump.InputCheck;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.runs.BatchRun;
import io.spectrumflow.starter.runs.BatchStart;
import io.spectrumflow.starter.runs.ExportRuns;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.runs.RunStarted;
import io.spectrumflow.starter.staging.BodyIntake;
import io.spectrumflow.starter.staging.StagingArea;
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
import java.util.Optional;

/** {@code POST /pipelines/{name}/batches}: a batch in the body, or staged objects named. */
@Path("/pipelines/{name}/batches")
@Produces(MediaType.APPLICATION_JSON)
public final class BatchesResource {

  /** The media type of a reference to objects already staged in S3. */
  public static final String STAGED = "application/vnd.spectrumflow.staged+json";

  private final Pipelines pipelines;
  private final StagingArea staging;
  private final ExportRuns runs;
  private final BatchStart batches;
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
    this.batches = new BatchStart(runs, lookup, staging);
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
    BodyIntake.Body taken;
    try {
      taken = intake.take(body);
    } catch (BodyIntake.TooLarge e) {
      return ApiError.response(
          Response.Status.REQUEST_ENTITY_TOO_LARGE,
          e.getMessage() + ": split the batch, or stage it in S3 and post a reference to it");
    }
    try {
      BatchStart.Submission submission = BatchStart.Submission.body(taken.digest());
      String askedBy = askedFor(batchId, idempotencyKey);
      String asked = askedBy.equals("batch id") ? id : idempotencyKey;
      Response existing = answer(batches.existing(name, id, submission), id, askedBy, asked);
      if (existing != null) {
        return existing;
      }
      Response busy = tooManyRuns(name);
      if (busy != null) {
        return busy;
      }
      InputCheck.records(pipeline.format(), taken.file());
      StagedBatch staged =
          staging.stage(
              name,
              LocalDate.now(clock.withZone(ZoneOffset.UTC)),
              id,
              taken,
              pipeline.format() == SourceFormat.CSV ? "csv" : "json");
      return answer(
          Optional.of(batches.start(pipeline, staged, submission, false)), id, askedBy, asked);
    } catch (BadInputException bad) {
      return ApiError.response(
          400,
          new ApiError(
              400,
              bad.getMessage(),
              bad.record() == 0 ? null : bad.record(),
              bad.line() == 0 ? null : bad.line()));
    } finally {
      Files.deleteIfExists(taken.file());
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
    BatchStart.Submission submission = BatchStart.Submission.reference(reference.inputs());
    Response existing = answer(batches.existing(name, id, submission), id, "batch id", id);
    if (existing != null) {
      return existing;
    }
    Response busy = tooManyRuns(name);
    if (busy != null) {
      return busy;
    }
    return answer(
        Optional.of(
            batches.start(
                pipelines.pipeline(name),
                new StagedBatch(id, List.copyOf(reference.inputs())),
                submission,
                false)),
        id,
        "batch id",
        id);
  }

  /** What the client named the batch by, for a conflict about it. */
  private static String askedFor(String batchId, String idempotencyKey) {
    boolean byKey =
        (batchId == null || batchId.isBlank())
            && idempotencyKey != null
            && !idempotencyKey.isBlank();
    return byKey ? "Idempotency-Key" : "batch id";
  }

  /**
   * 202 with the batch's run, or 409 when the batch's run is of different records; null when the
   * batch has no run yet.
   */
  private static Response answer(
      Optional<BatchStart.Outcome> outcome, String batchId, String askedBy, String asked) {
    if (outcome.isEmpty()) {
      return null;
    }
    if (outcome.get() instanceof BatchStart.Accepted accepted) {
      return accepted(accepted.run(), batchId, accepted.inputs());
    }
    BatchRun existing = ((BatchStart.Conflict) outcome.get()).existing();
    return ApiError.response(
        Response.Status.CONFLICT,
        askedBy
            + " '"
            + asked
            + "' was already used for different records: batch "
            + batchId
            + " is run "
            + existing.view().workflowId()
            + " (run id "
            + existing.view().runId()
            + "), which exports the records sent first; send different records under a new "
            + askedBy);
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
    // ':' of the workflow id is a valid path character: no escaping needed
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
