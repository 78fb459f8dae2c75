package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Optional;

/** The search attributes a query may name, with their types. */
@FunctionalInterface
public interface AttributeTypes {

  Optional<IndexedValueType> typeOf(String name);
}
