package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.IndexedValueType;

/** A search attribute named in a query, with its type. */
public record Column(String name, IndexedValueType type) {

  /** The type as the server names it in messages: {@code Keyword}, {@code KeywordList}, ... */
  String typeName() {
    return TypeNames.simple(type);
  }
}
