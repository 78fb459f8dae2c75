package io.spectrumflow.local.temporal.visibility.query;

import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Set;

/** Which attribute types each operator applies to, as on the server. */
final class Operators {

  /** {@code STARTS_WITH}: keywords only. */
  static final Set<IndexedValueType> PREFIX = Set.of(INDEXED_VALUE_TYPE_KEYWORD);

  /** {@code IN}: everything but text. */
  static final Set<IndexedValueType> MEMBERSHIP =
      Set.of(
          INDEXED_VALUE_TYPE_KEYWORD,
          INDEXED_VALUE_TYPE_KEYWORD_LIST,
          INDEXED_VALUE_TYPE_INT,
          INDEXED_VALUE_TYPE_DOUBLE,
          INDEXED_VALUE_TYPE_BOOL,
          INDEXED_VALUE_TYPE_DATETIME);

  private static final Set<IndexedValueType> EQUALITY =
      Set.of(
          INDEXED_VALUE_TYPE_KEYWORD,
          INDEXED_VALUE_TYPE_KEYWORD_LIST,
          INDEXED_VALUE_TYPE_TEXT,
          INDEXED_VALUE_TYPE_INT,
          INDEXED_VALUE_TYPE_DOUBLE,
          INDEXED_VALUE_TYPE_BOOL,
          INDEXED_VALUE_TYPE_DATETIME);

  private static final Set<IndexedValueType> ORDERING =
      Set.of(
          INDEXED_VALUE_TYPE_KEYWORD,
          INDEXED_VALUE_TYPE_INT,
          INDEXED_VALUE_TYPE_DOUBLE,
          INDEXED_VALUE_TYPE_BOOL,
          INDEXED_VALUE_TYPE_DATETIME);

  private static final Set<IndexedValueType> RANGE =
      Set.of(
          INDEXED_VALUE_TYPE_KEYWORD,
          INDEXED_VALUE_TYPE_INT,
          INDEXED_VALUE_TYPE_DOUBLE,
          INDEXED_VALUE_TYPE_DATETIME);

  private Operators() {}

  static Set<IndexedValueType> forComparison(String operator) {
    return operator.equals("=") || operator.equals("!=") ? EQUALITY : ORDERING;
  }

  static boolean rangeAllowed(Column column) {
    return RANGE.contains(column.type());
  }
}
