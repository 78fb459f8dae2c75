package io.spectrumflow.local.temporal.searchattributes;

import io.spectrumflow.local.temporal.front.ForwardedService;
import io.spectrumflow.local.temporal.front.UnaryEndpoint;
import io.temporal.api.operatorservice.v1.AddSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.ListSearchAttributesResponse;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc;
import io.temporal.api.operatorservice.v1.RemoveSearchAttributesResponse;
import io.temporal.api.workflowservice.v1.GetSearchAttributesResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * The search attribute RPCs answered from the registry: {@code OperatorService}'s Add, Remove and
 * List (the test server has no List), and {@code WorkflowService.GetSearchAttributes}.
 */
public final class OperatorEndpoints {

  private final SearchAttributeRegistry registry;

  public OperatorEndpoints(SearchAttributeRegistry registry) {
    this.registry = registry;
  }

  public void answerOperatorCalls(ForwardedService operatorService) {
    operatorService
        .answer(
            OperatorServiceGrpc.getAddSearchAttributesMethod(),
            UnaryEndpoint.of(
                request -> {
                  registry.add(request.getNamespace(), request.getSearchAttributesMap());
                  return AddSearchAttributesResponse.getDefaultInstance();
                }))
        .answer(
            OperatorServiceGrpc.getRemoveSearchAttributesMethod(),
            UnaryEndpoint.of(
                request -> {
                  registry.remove(request);
                  return RemoveSearchAttributesResponse.getDefaultInstance();
                }))
        .answer(
            OperatorServiceGrpc.getListSearchAttributesMethod(),
            UnaryEndpoint.of(
                request ->
                    ListSearchAttributesResponse.newBuilder()
                        .putAllCustomAttributes(registry.custom())
                        .putAllSystemAttributes(SystemSearchAttributes.ALL)
                        .build()));
  }

  public void answerWorkflowServiceCalls(ForwardedService workflowService) {
    workflowService.answer(
        WorkflowServiceGrpc.getGetSearchAttributesMethod(),
        UnaryEndpoint.of(
            request ->
                GetSearchAttributesResponse.newBuilder()
                    .putAllKeys(SystemSearchAttributes.ALL)
                    .putAllKeys(registry.custom())
                    .build()));
  }
}
