package io.spectrumflow.local.aws.redshift;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import io.spectrumflow.local.aws.http.JsonRequest;
import io.spectrumflow.local.aws.http.Page;
import io.spectrumflow.local.aws.redshift.sql.SqlParameters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/** The Data API's statement operations: run, describe, fetch results, cancel, list. */
final class StatementOperations {

  private static final Pattern ID =
      Pattern.compile("^[a-z0-9]{8}(-[a-z0-9]{4}){3}-[a-z0-9]{12}(:\\d+)?$");
  private static final Pattern PARAMETER_NAME = Pattern.compile("^[0-9a-zA-Z_]+$");
  private static final String NO_RESULT =
      "Query does not have result. Please check query status with DescribeStatement.";
  private static final int MAX_BATCH = 40;

  private static final Set<String> STATUS_FILTERS =
      Set.of("SUBMITTED", "PICKED", "STARTED", "FINISHED", "ABORTED", "FAILED", "ALL");

  private final StatementRegistry registry;
  private final StatementExecutor executor;
  private final Clock clock;
  private final AtomicLong pids = new AtomicLong(1_073_750_000);

  private final KnownClusters clusters;

  StatementOperations(
      StatementRegistry registry, StatementExecutor executor, Clock clock, KnownClusters clusters) {
    this.registry = registry;
    this.executor = executor;
    this.clock = clock;
    this.clusters = clusters;
  }

  ObjectNode execute(JsonRequest request) {
    String sql = request.requiredString("Sql");
    StatementSize.check(request, sql);
    return submit(request, List.of(sql), false);
  }

  ObjectNode batchExecute(JsonRequest request) {
    List<String> sqls = request.requiredStrings("Sqls");
    if (sqls.isEmpty() || sqls.size() > MAX_BATCH) {
      throw request.invalid(
          "1 validation error detected: Value at 'sqls' failed to satisfy constraint:"
              + " Member must have length between 1 and "
              + MAX_BATCH);
    }
    sqls.forEach(sql -> StatementSize.check(request, sql));
    return submit(request, sqls, true);
  }

  private ObjectNode submit(JsonRequest request, List<String> sqls, boolean batch) {
    StatementTarget target = StatementTarget.of(request, clusters);
    Map<String, String> parameters = parameters(request);
    String statementName = request.string("StatementName");
    StatementRegistry.Registration registration =
        registry.register(
            request.string("ClientToken"),
            () -> {
              String id = UUID.randomUUID().toString();
              Instant now = clock.instant();
              List<SubStatement> parts = new ArrayList<>();
              for (int i = 0; i < sqls.size(); i++) {
                String partId = batch ? id + ":" + (i + 1) : id;
                String sql = sqls.get(i);
                parts.add(new SubStatement(partId, sql, SqlParameters.apply(sql, parameters), now));
              }
              ArrayNode echoed = request.optionalArray("Parameters");
              return new StatementRun(
                  id,
                  target,
                  statementName,
                  echoed == null ? null : echoed.deepCopy(),
                  now,
                  batch,
                  pids.incrementAndGet(),
                  List.copyOf(parts),
                  new StatementRun.SessionHolder());
            });
    StatementRun run = registration.run();
    if (registration.created()) {
      executor.submit(run);
    }
    ObjectNode response = AwsJson.object();
    response.put("Id", run.id());
    response.set("CreatedAt", AwsJson.epochSeconds(run.createdAt()));
    run.target().writeTo(response);
    return response;
  }

  private static Map<String, String> parameters(JsonRequest request) {
    Map<String, String> parameters = new LinkedHashMap<>();
    for (JsonRequest parameter : request.structures("Parameters")) {
      String name = parameter.requiredString("name");
      if (!PARAMETER_NAME.matcher(name).matches()) {
        throw request.invalid("Parameter name '" + name + "' must match " + PARAMETER_NAME);
      }
      parameters.put(name, parameter.requiredString("value"));
    }
    return parameters;
  }

  ObjectNode describe(JsonRequest request) {
    String id = id(request);
    StatementRun run = find(parentId(id));
    if (id.contains(":")) {
      return part(run, id).describe();
    }
    return run.describe();
  }

  ObjectNode result(JsonRequest request) {
    String id = id(request);
    StatementRun run = find(parentId(id));
    SubStatement part;
    if (id.contains(":")) {
      part = part(run, id);
    } else if (run.batch()) {
      throw request.invalid(
          "Statement "
              + id
              + " is a batch: get the result of one of its sub-statements, e.g. "
              + id
              + ":1");
    } else {
      part = run.parts().get(0);
    }
    var table = part.result();
    if (table == null) {
      throw new AwsException("ResourceNotFoundException", NO_RESULT);
    }
    return ResultPages.page(table, request);
  }

  ObjectNode cancel(JsonRequest request) {
    String id = id(request);
    StatementRun run = find(parentId(id));
    StatementStatus status = run.status();
    if (status.isDone()) {
      throw request.invalid("Could not cancel a query that is already in " + status + " state.");
    }
    Instant now = clock.instant();
    run.parts().forEach(p -> p.abort(now));
    run.session().cancel();
    return AwsJson.object().put("Status", true);
  }

  ObjectNode list(JsonRequest request) {
    String status = request.string("Status");
    if (status != null && !STATUS_FILTERS.contains(status)) {
      throw request.invalid(
          "1 validation error detected: Value '"
              + status
              + "' at 'status' failed to satisfy constraint: Member must satisfy enum value set: "
              + STATUS_FILTERS);
    }
    String name = request.string("StatementName");
    String database = request.string("Database");
    String cluster = request.string("ClusterIdentifier");
    String workgroup = request.string("WorkgroupName");
    List<StatementRun> matching =
        registry.all().stream()
            .filter(r -> status == null || "ALL".equals(status) || r.status().name().equals(status))
            .filter(
                r ->
                    name == null
                        || (r.statementName() != null && r.statementName().startsWith(name)))
            .filter(r -> database == null || database.equals(r.target().database()))
            .filter(r -> cluster == null || cluster.equals(r.target().clusterIdentifier()))
            .filter(r -> workgroup == null || workgroup.equals(r.target().workgroupName()))
            .toList();
    Integer max = request.integer("MaxResults");
    int size = max == null || max == 0 ? 100 : request.pageSize("MaxResults", 100, 100);
    // newest first: the key orders by descending creation, then by id
    Page<StatementRun> page =
        Page.of(
            matching,
            r -> String.format("%020d", Long.MAX_VALUE - r.createdAt().toEpochMilli()) + r.id(),
            request.string("NextToken"),
            size,
            request::invalid);
    ObjectNode response = AwsJson.object();
    ArrayNode statements = response.putArray("Statements");
    page.items().forEach(r -> statements.add(r.listEntry()));
    if (page.nextToken() != null) {
      response.put("NextToken", page.nextToken());
    }
    return response;
  }

  private static String id(JsonRequest request) {
    String id = request.requiredString("Id");
    if (!ID.matcher(id).matches()) {
      throw request.invalid(
          "1 validation error detected: Value '"
              + id
              + "' at 'id' failed to satisfy constraint: Member must satisfy regular expression"
              + " pattern: "
              + ID.pattern());
    }
    return id;
  }

  private static String parentId(String id) {
    int colon = id.indexOf(':');
    return colon < 0 ? id : id.substring(0, colon);
  }

  private StatementRun find(String id) {
    return registry
        .find(id)
        .orElseThrow(() -> new AwsException("ResourceNotFoundException", "Query does not exist."));
  }

  private static SubStatement part(StatementRun run, String id) {
    return run.parts().stream()
        .filter(p -> p.id.equals(id))
        .findFirst()
        .orElseThrow(() -> new AwsException("ResourceNotFoundException", "Query does not exist."));
  }
}
