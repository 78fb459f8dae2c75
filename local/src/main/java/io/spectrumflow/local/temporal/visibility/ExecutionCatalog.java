package io.spectrumflow.local.temporal.visibility;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.temporal.api.workflow.v1.WorkflowExecutionInfo;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.ListClosedWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListOpenWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every workflow run the test server has, for visibility queries: listed with its {@code
 * ListOpen/ListClosedWorkflowExecutions} (which give no search attributes), each described with
 * {@code DescribeWorkflowExecution} (which does). A closed run never changes, so its record is
 * kept; open runs are described again on every call. The scheduler's own workflows are left out, as
 * the server keeps them out of user queries.
 */
final class ExecutionCatalog {

  private final WorkflowServiceBlockingStub backend;
  private final SearchAttributeRegistry registry;
  private final Set<String> hiddenTypes;
  private final Map<String, ExecutionRecord> closedByRunId = new ConcurrentHashMap<>();

  ExecutionCatalog(
      WorkflowServiceBlockingStub backend,
      SearchAttributeRegistry registry,
      Set<String> hiddenTypes) {
    this.backend = backend;
    this.registry = registry;
    this.hiddenTypes = hiddenTypes;
  }

  List<ExecutionRecord> records(String namespace) {
    WorkflowServiceBlockingStub stub = backend.withDeadlineAfter(30, TimeUnit.SECONDS);
    List<WorkflowExecutionInfo> listed = new ArrayList<>();
    listed.addAll(
        stub.listOpenWorkflowExecutions(
                ListOpenWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).build())
            .getExecutionsList());
    listed.addAll(
        stub.listClosedWorkflowExecutions(
                ListClosedWorkflowExecutionsRequest.newBuilder().setNamespace(namespace).build())
            .getExecutionsList());
    List<ExecutionRecord> out = new ArrayList<>();
    for (WorkflowExecutionInfo brief : listed) {
      if (hiddenTypes.contains(brief.getType().getName())) {
        continue;
      }
      ExecutionRecord known = closedByRunId.get(brief.getExecution().getRunId());
      if (known != null) {
        out.add(known);
        continue;
      }
      try {
        ExecutionRecord record = describe(stub, namespace, brief);
        if (record.isClosed()) {
          closedByRunId.put(brief.getExecution().getRunId(), record);
        }
        out.add(record);
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.NOT_FOUND) {
          throw e;
        }
      }
    }
    return out;
  }

  private ExecutionRecord describe(
      WorkflowServiceBlockingStub stub, String namespace, WorkflowExecutionInfo brief) {
    WorkflowExecutionInfo info =
        stub.describeWorkflowExecution(
                DescribeWorkflowExecutionRequest.newBuilder()
                    .setNamespace(namespace)
                    .setExecution(brief.getExecution())
                    .build())
            .getWorkflowExecutionInfo();
    return ExecutionRecord.of(info, registry);
  }
}
