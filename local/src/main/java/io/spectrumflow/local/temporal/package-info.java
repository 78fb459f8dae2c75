/**
 * The embedded Temporal server: the Temporal Java test server with what it lacks added in front, so
 * that production code (the SDK's {@code WorkflowClient}, {@code ScheduleClient}, workers, the
 * Temporal CLI) runs against it unchanged.
 *
 * <p>{@link io.spectrumflow.local.temporal.TemporalFront} is a gRPC server (grpc-netty-shaded) on
 * the public loopback port serving {@code temporal.api.workflowservice.v1.WorkflowService}, {@code
 * temporal.api.operatorservice.v1.OperatorService}, {@code grpc.health.v1.Health} and the test
 * server's {@code TestService}. Each is built from the service descriptor: the methods below are
 * answered by the front, every other method is forwarded as it is to the test server, which runs in
 * process ({@code TestServer.createServer(true)}: real time, no time skipping) and is reached
 * through its in-process channel, so it has no port of its own. Forwarding keeps the caller's
 * headers (namespace, client name and version) and deadline and returns the test server's status,
 * message and trailers unchanged (the SDK reads error details such as {@code
 * WorkflowExecutionAlreadyStartedFailure} from them); it sets no deadline of its own, so long polls
 * last as long as the caller asks.
 *
 * <p>Answered by the front:
 *
 * <ul>
 *   <li>{@code ListWorkflowExecutions}, {@code ScanWorkflowExecutions}, {@code
 *       CountWorkflowExecutions} (with {@code GROUP BY ExecutionStatus}): the runs come from the
 *       test server's {@code ListOpen/ListClosedWorkflowExecutions}, their search attributes from
 *       {@code DescribeWorkflowExecution} (closed runs are described once and kept), and the query
 *       is evaluated here (package {@code visibility.query}): {@code = != < <= > >=}, {@code [NOT]
 *       IN (...)}, {@code [NOT] BETWEEN ... AND ...}, {@code [NOT] STARTS_WITH}, {@code IS [NOT]
 *       NULL}, {@code AND OR NOT} and parentheses, {@code ORDER BY} (default StartTime descending)
 *       and {@code GROUP BY ExecutionStatus}, over the system attributes (WorkflowId, RunId,
 *       WorkflowType, ExecutionStatus, StartTime, CloseTime, ExecutionTime, ExecutionDuration,
 *       HistoryLength, TaskQueue, Parent/Root ids, ...) and every registered custom attribute, with
 *       the server's types, operators per type and error messages ({@code INVALID_ARGUMENT: invalid
 *       query: ...}).
 *   <li>{@code OperatorService.AddSearchAttributes}, {@code RemoveSearchAttributes}, {@code
 *       ListSearchAttributes} and {@code WorkflowService.GetSearchAttributes}: see below.
 *   <li>{@code CreateSchedule}, {@code DescribeSchedule}, {@code UpdateSchedule}, {@code
 *       PatchSchedule}, {@code ListSchedules}, {@code DeleteSchedule}, {@code
 *       ListScheduleMatchingTimes}: see below.
 * </ul>
 *
 * <p><b>Search attributes.</b> The test server keeps a registry of search attribute names and
 * types, rejects workflows that start with or upsert an unregistered attribute, stores the values
 * per run and returns them in {@code DescribeWorkflowExecution}; its {@code OperatorService}
 * implements {@code AddSearchAttributes} (also on a port-bound server) but not {@code
 * ListSearchAttributes}. The front therefore registers attributes with the test server through that
 * call, and keeps its own copy of the registry for queries and listing. Adding an attribute that
 * exists is a no-op (as on current servers); system names are refused. At start it registers the
 * system attributes the scheduler sets ({@code TemporalScheduledStartTime}, {@code
 * TemporalScheduledById}, and {@code BuildIds}, {@code BatcherUser}), which the test server does
 * not know, and {@link io.spectrumflow.local.stack.EmbeddedTemporal} registers Spectrumflow's four
 * ({@code SpectrumflowPipeline}, {@code SpectrumflowBatchId}, {@code SpectrumflowPartitionDates},
 * {@code SpectrumflowRows}). No internals of the test server are touched.
 *
 * <p><b>Schedules</b> run as on the real server: each schedule is a scheduler workflow ({@code
 * temporal-sys-scheduler-workflow}, id {@code temporal-sys-scheduler:<schedule id>}, task queue
 * {@code temporal-sys-scheduler-tq}) on the test server, run by a worker the front starts for each
 * namespace. It sleeps until the spec's next time (structured and text calendars, cron strings with
 * 5, 6 or 7 fields, shorthands, {@code CRON_TZ}, every-intervals, intervals with phase, excluded
 * calendars, start and end times, UTC or a named time zone, all stored in the server's canonical
 * structured form), then starts the action's workflow with the server's id ({@code <workflow
 * id>-<nominal time, RFC 3339 UTC, to the second>}), input, task queue, timeouts, retry policy,
 * memo, header and search attributes plus {@code TemporalScheduledStartTime} and {@code
 * TemporalScheduledById}. Overlap policies SKIP, BUFFER_ONE, BUFFER_ALL, ALLOW_ALL, CANCEL_OTHER
 * and TERMINATE_OTHER are applied against the runs it started, which it watches with long polls on
 * their close event; pause and unpause (with notes), trigger immediately and backfills (which
 * bypass pause and action limits, as on the server), limited actions, the catch-up window and
 * pause-on-failure are honoured; {@code ScheduleInfo} has the action, skipped, missed and dropped
 * counts, the buffer size, the running workflows, the last 10 actions (with their close status),
 * the next 10 action times and the create and update times. Patch and update are workflow updates,
 * so a describe right after sees them. An existing schedule id gives {@code ALREADY_EXISTS} (the
 * SDK's {@code ScheduleAlreadyRunningException}); an unknown or deleted one {@code NOT_FOUND}. The
 * scheduler workflows are left out of visibility queries, as the server leaves them out.
 *
 * <p><b>State is in memory.</b> Runs, histories, search attributes and schedules live in the test
 * server's memory: a restart of the embedded stack forgets them (schedules included, so they must
 * be created again). The docker-compose stack is the durable one.
 *
 * <p>Known differences from a real server:
 *
 * <ul>
 *   <li>Visibility reads every run of the test server on each call (fine for the local stack, not
 *       for millions of runs) and does not filter by namespace, as the test server's listing does
 *       not; the search attribute registry is shared by all namespaces.
 *   <li>A comparison with an attribute a run does not have is false ({@code !=} and {@code NOT IN}
 *       included), as with the SQL visibility stores; Text attributes match by case-insensitive
 *       containment rather than full-text analysis; the {@code ScheduleId} and {@code Temporal}
 *       prefix aliases are not resolved (except {@code ScheduleId} in {@code ListSchedules}).
 *   <li>Schedules: jitter is not applied; the previous run's result is not passed on as the next
 *       run's last completion result; {@code ListSchedules} queries see {@code ScheduleId}, {@code
 *       TemporalSchedulePaused} and the schedule's search attributes only; a schedule's search
 *       attributes are not set on its scheduler workflow; request ids do not make create, update
 *       and patch idempotent.
 *   <li>Deleting a schedule terminates its scheduler while watches may be pending: the SDK then
 *       logs a warning that an activity's result could not be reported.
 * </ul>
 */
package io.spectrumflow.local.temporal;
