package io.spectrumflow.local.temporal.visibility;

import com.google.protobuf.ByteString;
import io.spectrumflow.local.temporal.front.ForwardedService;
import io.spectrumflow.local.temporal.front.UnaryEndpoint;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeRegistry;
import io.spectrumflow.local.temporal.searchattributes.SearchAttributeValues;
import io.spectrumflow.local.temporal.visibility.query.Column;
import io.spectrumflow.local.temporal.visibility.query.InvalidQueryException;
import io.spectrumflow.local.temporal.visibility.query.OrderTerm;
import io.spectrumflow.local.temporal.visibility.query.RecordOrder;
import io.spectrumflow.local.temporal.visibility.query.VisibilityQuery;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.CountWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsRequest;
import io.temporal.api.workflowservice.v1.ListWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.ScanWorkflowExecutionsResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc.WorkflowServiceBlockingStub;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ListWorkflowExecutions}, {@code ScanWorkflowExecutions} and {@code
 * CountWorkflowExecutions} (with {@code GROUP BY ExecutionStatus}), evaluated here over the test
 * server's runs. Default order: StartTime descending.
 */
public final class VisibilityEndpoints {

  private static final List<OrderTerm> DEFAULT_ORDER =
      List.of(
          new OrderTerm(
              new Column("StartTime", IndexedValueType.INDEXED_VALUE_TYPE_DATETIME), true));

  private final ExecutionCatalog catalog;
  private final SearchAttributeRegistry registry;

  /**
   * @param hiddenTypes workflow types that never show (the scheduler's own)
   */
  public VisibilityEndpoints(
      WorkflowServiceBlockingStub backend,
      SearchAttributeRegistry registry,
      Set<String> hiddenTypes) {
    this.catalog = new ExecutionCatalog(backend, registry, hiddenTypes);
    this.registry = registry;
  }

  public void answer(ForwardedService workflowService) {
    workflowService
        .answer(WorkflowServiceGrpc.getListWorkflowExecutionsMethod(), UnaryEndpoint.of(this::list))
        .answer(
            WorkflowServiceGrpc.getScanWorkflowExecutionsMethod(),
            UnaryEndpoint.of(
                request -> {
                  Page<ExecutionRecord> page =
                      page(
                          request.getNamespace(),
                          request.getQuery(),
                          request.getNextPageToken(),
                          request.getPageSize());
                  return ScanWorkflowExecutionsResponse.newBuilder()
                      .addAllExecutions(page.items().stream().map(ExecutionRecord::info).toList())
                      .setNextPageToken(page.next())
                      .build();
                }))
        .answer(
            WorkflowServiceGrpc.getCountWorkflowExecutionsMethod(), UnaryEndpoint.of(this::count));
  }

  private ListWorkflowExecutionsResponse list(ListWorkflowExecutionsRequest request) {
    Page<ExecutionRecord> page =
        page(
            request.getNamespace(),
            request.getQuery(),
            request.getNextPageToken(),
            request.getPageSize());
    return ListWorkflowExecutionsResponse.newBuilder()
        .addAllExecutions(page.items().stream().map(ExecutionRecord::info).toList())
        .setNextPageToken(page.next())
        .build();
  }

  private Page<ExecutionRecord> page(
      String namespace, String text, ByteString token, int pageSize) {
    VisibilityQuery query = parse(text);
    List<OrderTerm> order = query.orderBy().isEmpty() ? DEFAULT_ORDER : query.orderBy();
    List<ExecutionRecord> sorted =
        catalog.records(namespace).stream()
            .filter(query.where()::matches)
            .sorted(RecordOrder.of(order, "RunId"))
            .toList();
    return Page.of(sorted, record -> record.info().getExecution().getRunId(), token, pageSize);
  }

  private CountWorkflowExecutionsResponse count(CountWorkflowExecutionsRequest request) {
    VisibilityQuery query = parse(request.getQuery());
    List<ExecutionRecord> matching =
        catalog.records(request.getNamespace()).stream().filter(query.where()::matches).toList();
    CountWorkflowExecutionsResponse.Builder response =
        CountWorkflowExecutionsResponse.newBuilder().setCount(matching.size());
    if (query.groupBy().isPresent()) {
      String attribute = query.groupBy().get().name();
      Map<String, Long> groups =
          matching.stream()
              .collect(
                  Collectors.groupingBy(
                      record -> String.valueOf(record.value(attribute)),
                      TreeMap::new,
                      Collectors.counting()));
      groups.forEach(
          (value, count) ->
              response.addGroups(
                  CountWorkflowExecutionsResponse.AggregationGroup.newBuilder()
                      .addGroupValues(
                          SearchAttributeValues.payload(
                              value, IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD))
                      .setCount(count)));
    }
    return response.build();
  }

  private VisibilityQuery parse(String text) {
    try {
      return VisibilityQuery.parse(text, registry);
    } catch (InvalidQueryException e) {
      throw e.toStatus();
    }
  }
}
