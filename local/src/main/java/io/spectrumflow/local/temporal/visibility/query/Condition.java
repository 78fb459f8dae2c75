package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.List;
import java.util.Locale;

/**
 * A visibility query's WHERE clause, ready to evaluate. A comparison with an absent attribute is
 * false, as in the server's SQL visibility stores; only {@code IS NULL} matches absent attributes.
 */
public sealed interface Condition {

  boolean matches(AttributeSource record);

  /** No WHERE clause. */
  record Always() implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      return true;
    }
  }

  record AllOf(List<Condition> parts) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      return parts.stream().allMatch(part -> part.matches(record));
    }
  }

  record AnyOf(List<Condition> parts) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      return parts.stream().anyMatch(part -> part.matches(record));
    }
  }

  record Negation(Condition inner) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      return !inner.matches(record);
    }
  }

  /** {@code =, !=, <, <=, >, >=}; on Text attributes {@code =} matches contained text. */
  record Comparison(Column column, String operator, Object value) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      Object actual = record.value(column.name());
      if (operator.equals("!=")) {
        return ValueComparison.isPresent(actual) && !equalTo(actual);
      }
      if (operator.equals("=")) {
        return equalTo(actual);
      }
      return ValueComparison.anyElement(
          actual,
          v ->
              ValueComparison.holds(
                  v,
                  value,
                  c ->
                      switch (operator) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                      }));
    }

    private boolean equalTo(Object actual) {
      if (column.type() == IndexedValueType.INDEXED_VALUE_TYPE_TEXT) {
        String wanted = String.valueOf(value).toLowerCase(Locale.ROOT);
        return ValueComparison.anyElement(
            actual, v -> String.valueOf(v).toLowerCase(Locale.ROOT).contains(wanted));
      }
      return ValueComparison.anyElement(actual, v -> ValueComparison.equal(v, value));
    }
  }

  /** {@code IN (...)} and {@code NOT IN (...)}. */
  record Membership(Column column, List<Object> values, boolean negated) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      Object actual = record.value(column.name());
      boolean any =
          ValueComparison.anyElement(
              actual, v -> values.stream().anyMatch(w -> ValueComparison.equal(v, w)));
      return negated ? ValueComparison.isPresent(actual) && !any : any;
    }
  }

  /** {@code BETWEEN a AND b} (both ends included) and {@code NOT BETWEEN}. */
  record Between(Column column, Object from, Object to, boolean negated) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      Object actual = record.value(column.name());
      boolean any =
          ValueComparison.anyElement(
              actual,
              v ->
                  ValueComparison.holds(v, from, c -> c >= 0)
                      && ValueComparison.holds(v, to, c -> c <= 0));
      return negated ? ValueComparison.isPresent(actual) && !any : any;
    }
  }

  /** {@code STARTS_WITH 'prefix'} and {@code NOT STARTS_WITH}. */
  record PrefixMatch(Column column, String prefix, boolean negated) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      Object actual = record.value(column.name());
      boolean any = ValueComparison.anyElement(actual, v -> String.valueOf(v).startsWith(prefix));
      return negated ? ValueComparison.isPresent(actual) && !any : any;
    }
  }

  /** {@code IS NULL} and {@code IS NOT NULL}. */
  record Presence(Column column, boolean present) implements Condition {
    @Override
    public boolean matches(AttributeSource record) {
      return ValueComparison.isPresent(record.value(column.name())) == present;
    }
  }
}
