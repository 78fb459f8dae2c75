package io.spectrumflow.local.temporal.searchattributes;

import io.grpc.Status;
import io.spectrumflow.local.temporal.visibility.query.AttributeTypes;
import io.spectrumflow.local.temporal.visibility.query.TypeNames;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.operatorservice.v1.AddSearchAttributesRequest;
import io.temporal.api.operatorservice.v1.OperatorServiceGrpc.OperatorServiceBlockingStub;
import io.temporal.api.operatorservice.v1.RemoveSearchAttributesRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The search attributes the embedded server knows, kept in step with the test server's own registry
 * (which validates the attributes workflows start with and upsert): a custom attribute is added to
 * the test server through its {@code OperatorService.AddSearchAttributes}, then recorded here for
 * visibility queries and {@code ListSearchAttributes}, which the test server lacks. One registry
 * for all namespaces, as the test server has.
 */
public final class SearchAttributeRegistry implements AttributeTypes {

  private final OperatorServiceBlockingStub backend;
  private final Map<String, IndexedValueType> custom =
      new ConcurrentHashMap<>(SystemSearchAttributes.PREDEFINED_CUSTOM);

  public SearchAttributeRegistry(OperatorServiceBlockingStub backend) {
    this.backend = backend;
  }

  /** Registers with the test server the system attributes it does not know by itself. */
  public void registerSystemAttributes() {
    backend
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .putAllSearchAttributes(SystemSearchAttributes.CARRIED_BY_WORKFLOWS)
                .build());
  }

  @Override
  public Optional<IndexedValueType> typeOf(String name) {
    IndexedValueType type = SystemSearchAttributes.ALL.get(name);
    return Optional.ofNullable(type != null ? type : custom.get(name));
  }

  public Map<String, IndexedValueType> custom() {
    return Map.copyOf(custom);
  }

  /**
   * Adds custom attributes as the server does: names already defined are skipped, system names and
   * unknown types are refused with {@code INVALID_ARGUMENT}.
   */
  public synchronized void add(String namespace, Map<String, IndexedValueType> attributes) {
    Map<String, IndexedValueType> added = new LinkedHashMap<>();
    attributes.forEach(
        (name, type) -> {
          if (SystemSearchAttributes.isReserved(name)) {
            throw Status.INVALID_ARGUMENT
                .withDescription("Search attribute " + name + " is reserved by system.")
                .asRuntimeException();
          }
          if (type == IndexedValueType.INDEXED_VALUE_TYPE_UNSPECIFIED
              || type == IndexedValueType.UNRECOGNIZED) {
            throw Status.INVALID_ARGUMENT
                .withDescription("Unknown search attribute type: " + type + ".")
                .asRuntimeException();
          }
          if (!custom.containsKey(name)) {
            added.put(name, type);
          }
        });
    if (added.isEmpty()) {
      return;
    }
    backend
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .addSearchAttributes(
            AddSearchAttributesRequest.newBuilder()
                .setNamespace(namespace)
                .putAllSearchAttributes(added)
                .build());
    custom.putAll(added);
  }

  /** Removes custom attributes; system attributes cannot be removed. */
  public synchronized void remove(RemoveSearchAttributesRequest request) {
    for (String name : request.getSearchAttributesList()) {
      if (SystemSearchAttributes.ALL.containsKey(name)) {
        throw Status.INVALID_ARGUMENT
            .withDescription("Unable to remove non-custom search attributes: " + name + ".")
            .asRuntimeException();
      }
      if (!custom.containsKey(name)) {
        throw Status.NOT_FOUND
            .withDescription("Search attribute " + name + " doesn't exist.")
            .asRuntimeException();
      }
    }
    backend.withDeadlineAfter(10, TimeUnit.SECONDS).removeSearchAttributes(request);
    request.getSearchAttributesList().forEach(custom::remove);
  }

  /** The type a payload's {@code type} metadata names ({@code Keyword}, ...), if any. */
  static Optional<IndexedValueType> typeNamed(String simpleName) {
    for (IndexedValueType type : IndexedValueType.values()) {
      if (type != IndexedValueType.UNRECOGNIZED && TypeNames.simple(type).equals(simpleName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
