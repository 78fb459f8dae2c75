package io.spectrumflow.local.temporal.visibility.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * Compares a record's attribute value with a query value. A list value (a KeywordList attribute)
 * satisfies a test when one of its elements does; numbers compare as numbers whether Int or Double.
 * Values of kinds that do not compare (a stored string where a number is asked for) never match.
 */
final class ValueComparison {

  /** For ORDER BY: absent values last, lists by their first element. */
  static final Comparator<Object> ORDER =
      (a, b) -> {
        Object x = first(a);
        Object y = first(b);
        if (x == null || y == null) {
          return x == null ? (y == null ? 0 : 1) : -1;
        }
        Integer result = compare(x, y);
        return result == null ? 0 : result;
      };

  private ValueComparison() {}

  /** Whether the value, or one of its elements, passes. False for an absent value. */
  static boolean anyElement(Object value, Predicate<Object> test) {
    if (value instanceof List<?> list) {
      return list.stream().anyMatch(test);
    }
    return value != null && test.test(value);
  }

  static boolean isPresent(Object value) {
    return value != null && !(value instanceof List<?> list && list.isEmpty());
  }

  static boolean equal(Object a, Object b) {
    return holds(a, b, c -> c == 0);
  }

  /** Whether {@code a} compared with {@code b} gives a result the outcome accepts. */
  static boolean holds(Object a, Object b, IntPredicate outcome) {
    Integer result = compare(a, b);
    return result != null && outcome.test(result);
  }

  private static Integer compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return (x instanceof Double || y instanceof Double)
          ? Double.compare(x.doubleValue(), y.doubleValue())
          : Long.compare(x.longValue(), y.longValue());
    }
    if (a instanceof String x && b instanceof String y) {
      return x.compareTo(y);
    }
    if (a instanceof Instant x && b instanceof Instant y) {
      return x.compareTo(y);
    }
    if (a instanceof Boolean x && b instanceof Boolean y) {
      return Boolean.compare(x, y);
    }
    return null;
  }

  private static Object first(Object value) {
    if (value instanceof List<?> list) {
      return list.isEmpty() ? null : list.get(0);
    }
    return value;
  }
}
