package io.spectrumflow.starter.app;

import io.spectrumflow.workflows.export.ExportSearchAttributes;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.ListSearchAttributesRequest;
import io.temporal.common.SearchAttributeKey;
import io.temporal.serviceclient.OperatorServiceStubs;
import io.temporal.serviceclient.OperatorServiceStubsOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers Spectrumflow's search attributes with the namespace if they are missing, so runs can
 * carry them. Where the starter may not (Temporal Cloud, restricted operators) it says which
 * command to run instead.
 */
public final class SearchAttributeRegistration {

  private static final Logger log = LoggerFactory.getLogger(SearchAttributeRegistration.class);

  private SearchAttributeRegistration() {}

  public static void ensure(WorkflowServiceStubs service, String namespace) {
    OperatorServiceStubs operator =
        OperatorServiceStubs.newServiceStubs(
            OperatorServiceStubsOptions.newBuilder()
                .setChannel(service.getRawChannel())
                .validateAndBuildWithDefaults());
    try {
      Set<String> known =
          operator
              .blockingStub()
              .listSearchAttributes(
                  ListSearchAttributesRequest.newBuilder().setNamespace(namespace).build())
              .getCustomAttributesMap()
              .keySet();
      Map<String, IndexedValueType> missing = new HashMap<>();
      for (SearchAttributeKey<?> key : ExportSearchAttributes.all()) {
        if (!known.contains(key.getName())) {
          missing.put(key.getName(), key.getValueType());
        }
      }
      if (!missing.isEmpty()) {
        operator
            .blockingStub()
            .addSearchAttributes(
                AddSearchAttributesRequest.newBuilder()
                    .setNamespace(namespace)
                    .putAllSearchAttributes(missing)
                    .build());
        log.info("registered search attributes {} in namespace {}", missing.keySet(), namespace);
      }
    } catch (RuntimeException e) {
      log.error(
          "could not check or register Spectrumflow's search attributes in namespace {} ({});"
              + " register them once with: temporal operator search-attribute create --namespace"
              + " {} --name SpectrumflowPipeline --type Keyword --name SpectrumflowBatchId --type"
              + " Keyword --name SpectrumflowPartitionDates --type KeywordList --name"
              + " SpectrumflowRows --type Int",
          namespace,
          e.getMessage(),
          namespace);
    } finally {
      operator.shutdown();
    }
  }
}
