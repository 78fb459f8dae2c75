package io.spectrumflow.starter.api;

import io.spectrumflow.starter.config.ConfigException;
import io.spectrumflow.starter.config.CronSpec;
import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleListDescription;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Pipelines' Temporal Schedules: create or change, list, pause, unpause, trigger, delete. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class SchedulesResource {

  private final Pipelines pipelines;
  private final PipelineSchedules schedules;

  public SchedulesResource(Pipelines pipelines, PipelineSchedules schedules) {
    this.pipelines = pipelines;
    this.schedules = schedules;
  }

  @GET
  @Path("schedules")
  public Response list() {
    List<Map<String, Object>> list =
        schedules.list().stream()
            .map(
                (ScheduleListDescription s) ->
                    Map.<String, Object>of(
                        "scheduleId", s.getScheduleId(),
                        "paused", s.getSchedule().getState().isPaused(),
                        "nextRuns",
                            s.getInfo().getNextActionTimes().stream()
                                .map(Object::toString)
                                .toList()))
            .toList();
    return Response.ok(Map.of("schedules", list)).build();
  }

  @GET
  @Path("pipelines/{name}/schedule")
  public Response describe(@PathParam("name") String name) {
    return onSchedule(name, () -> Response.ok(view(name, schedules.describe(name))).build());
  }

  @PUT
  @PermitAll
  @Path("pipelines/{name}/schedule")
  public Response put(@PathParam("name") String name, ScheduleRequest request) {
    if (!pipelines.has(name)) {
      return unknown(name);
    }
    if (request == null || request.cron() == null) {
      return ApiError.response(
          Response.Status.BAD_REQUEST, "give the schedule's cron: {\"cron\": \"0 * * * *\"}");
    }
    try {
      CronSpec.requireValid("cron", request.cron());
    } catch (ConfigException e) {
      return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
    schedules.put(
        pipelines.pipeline(name),
        request.cron(),
        Boolean.TRUE.equals(request.paused()),
        request.note() == null ? "set through the API" : request.note());
    return Response.ok(view(name, schedules.describe(name))).build();
  }

  @POST
  @PermitAll
  @Path("pipelines/{name}/schedule/pause")
  public Response pause(@PathParam("name") String name, ScheduleRequest request) {
    return onSchedule(
        name,
        () -> {
          schedules.pause(name, note(request, "paused through the API"));
          return Response.ok(view(name, schedules.describe(name))).build();
        });
  }

  @POST
  @PermitAll
  @Path("pipelines/{name}/schedule/unpause")
  public Response unpause(@PathParam("name") String name, ScheduleRequest request) {
    return onSchedule(
        name,
        () -> {
          schedules.unpause(name, note(request, "unpaused through the API"));
          return Response.ok(view(name, schedules.describe(name))).build();
        });
  }

  @POST
  @PermitAll
  @Path("pipelines/{name}/schedule/trigger")
  public Response trigger(@PathParam("name") String name) {
    return onSchedule(
        name,
        () -> {
          schedules.trigger(name);
          return Response.accepted(Map.of("triggered", PipelineSchedules.id(name))).build();
        });
  }

  @DELETE
  @PermitAll
  @Path("pipelines/{name}/schedule")
  public Response delete(@PathParam("name") String name) {
    return onSchedule(
        name,
        () -> {
          schedules.delete(name);
          return Response.noContent().build();
        });
  }

  /** Runs an action on a pipeline's schedule; an unknown pipeline or schedule is a 404. */
  private Response onSchedule(String name, Supplier<Response> action) {
    if (!pipelines.has(name)) {
      return unknown(name);
    }
    try {
      return action.get();
    } catch (RuntimeException e) {
      if (isNotFound(e)) {
        return ApiError.response(
            Response.Status.NOT_FOUND,
            "pipeline "
                + name
                + " has no schedule: create one with PUT /pipelines/"
                + name
                + "/schedule");
      }
      throw e;
    }
  }

  private static boolean isNotFound(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof io.grpc.StatusRuntimeException status
          && status.getStatus().getCode() == io.grpc.Status.Code.NOT_FOUND) {
        return true;
      }
    }
    return false;
  }

  private static String note(ScheduleRequest request, String fallback) {
    return request == null || request.note() == null ? fallback : request.note();
  }

  private Response unknown(String name) {
    return ApiError.response(
        Response.Status.NOT_FOUND,
        "no pipeline named '" + name + "'; configured: " + String.join(", ", pipelines.names()));
  }

  private static ScheduleView view(String pipeline, ScheduleDescription description) {
    return new ScheduleView(
        pipeline,
        description.getId(),
        description.getSchedule().getSpec().getCronExpressions(),
        description.getSchedule().getState().isPaused(),
        description.getSchedule().getState().getNote(),
        description.getInfo().getNumActions(),
        description.getInfo().getNumActionsSkippedOverlap(),
        description.getInfo().getNextActionTimes().stream().map(Object::toString).toList(),
        description.getInfo().getRecentActions().stream()
            .map(a -> a.getAction())
            .filter(ScheduleActionExecutionStartWorkflow.class::isInstance)
            .<String>map(a -> ((ScheduleActionExecutionStartWorkflow) a).getWorkflowId())
            .toList());
  }
}
