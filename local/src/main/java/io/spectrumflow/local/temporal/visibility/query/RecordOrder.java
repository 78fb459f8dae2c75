package io.spectrumflow.local.temporal.visibility.query;

import java.util.Comparator;
import java.util.List;

/** The order of query results: the ORDER BY terms (absent values last), then a tie-breaker. */
public final class RecordOrder {

  private RecordOrder() {}

  /**
   * @param terms the query's terms, or the default ones when it has none
   * @param tieBreaker the attribute that makes the order total (a run or schedule id)
   */
  public static Comparator<AttributeSource> of(List<OrderTerm> terms, String tieBreaker) {
    Comparator<AttributeSource> order = (a, b) -> 0;
    for (OrderTerm term : terms) {
      String name = term.column().name();
      Comparator<AttributeSource> byTerm =
          (a, b) -> {
            Object x = a.value(name);
            Object y = b.value(name);
            if (x == null || y == null) {
              return ValueComparison.ORDER.compare(x, y);
            }
            int result = ValueComparison.ORDER.compare(x, y);
            return term.descending() ? -result : result;
          };
      order = order.thenComparing(byTerm);
    }
    return order.thenComparing(
        (a, b) -> ValueComparison.ORDER.compare(a.value(tieBreaker), b.value(tieBreaker)));
  }
}
