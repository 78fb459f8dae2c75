package io.spectrumflow.local.temporal.visibility.query;

import java.util.List;
import java.util.Optional;

/**
 * A parsed visibility query ({@code ListWorkflowExecutions}, {@code CountWorkflowExecutions},
 * {@code ListSchedules}).
 *
 * @param where the filter
 * @param orderBy its ORDER BY terms, empty for the default order
 * @param groupBy its GROUP BY attribute (only ExecutionStatus, as on the server)
 */
public record VisibilityQuery(Condition where, List<OrderTerm> orderBy, Optional<Column> groupBy) {

  /**
   * Parses a query.
   *
   * @throws InvalidQueryException with the server's wording when the query is refused
   */
  public static VisibilityQuery parse(String text, AttributeTypes types) {
    return new QueryParser(QueryLexer.tokens(text), types).query();
  }
}
