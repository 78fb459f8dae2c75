package io.spectrumflow.local.temporal.visibility.query;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;

/**
 * Reads a query's literal for the attribute it is compared to, and refuses it as the server does:
 * strings for keyword and text attributes, numbers for Int and Double, true/false for Bool, RFC
 * 3339 strings (or epoch nanoseconds) for Datetime; execution statuses by name, durations as Go
 * durations or nanoseconds.
 */
final class LiteralValues {

  static final String EXECUTION_STATUS = "ExecutionStatus";
  static final String EXECUTION_DURATION = "ExecutionDuration";

  private LiteralValues() {}

  static Object read(Column column, Literal literal) {
    if (column.name().equals(EXECUTION_STATUS)) {
      return ExecutionStatusNames.parse(literal.text())
          .orElseThrow(
              () ->
                  InvalidQueryException.invalidExpression(
                      "invalid ExecutionStatus value '" + literal.text() + "'"));
    }
    if (column.name().equals(EXECUTION_DURATION)) {
      return executionDuration(literal);
    }
    return switch (column.type()) {
      case INDEXED_VALUE_TYPE_INT, INDEXED_VALUE_TYPE_DOUBLE -> number(column, literal);
      case INDEXED_VALUE_TYPE_BOOL -> {
        requireKind(column, literal, Literal.Kind.BOOLEAN);
        yield Boolean.parseBoolean(literal.text());
      }
      case INDEXED_VALUE_TYPE_DATETIME -> datetime(column, literal);
      default -> {
        requireKind(column, literal, Literal.Kind.STRING);
        yield literal.text();
      }
    };
  }

  private static Object number(Column column, Literal literal) {
    requireKind(column, literal, Literal.Kind.NUMBER);
    try {
      return literal.text().matches("-?\\d+")
          ? (Object) Long.parseLong(literal.text())
          : (Object) Double.parseDouble(literal.text());
    } catch (NumberFormatException e) {
      throw InvalidQueryException.invalidExpression(
          "unable to parse value \"" + literal.text() + "\"");
    }
  }

  private static Instant datetime(Column column, Literal literal) {
    if (literal.kind() == Literal.Kind.NUMBER && literal.text().matches("-?\\d+")) {
      long nanos = Long.parseLong(literal.text());
      return Instant.ofEpochSecond(
          Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
    requireKind(column, literal, Literal.Kind.STRING);
    try {
      return OffsetDateTime.parse(literal.text()).toInstant();
    } catch (DateTimeParseException e) {
      throw InvalidQueryException.invalidExpression(
          "unable to parse datetime '" + literal.text() + "'");
    }
  }

  private static long executionDuration(Literal literal) {
    if (literal.kind() == Literal.Kind.NUMBER && literal.text().matches("\\d+")) {
      return Long.parseLong(literal.text());
    }
    OptionalLong nanos =
        literal.kind() == Literal.Kind.STRING
            ? GoDuration.nanos(literal.text())
            : OptionalLong.empty();
    if (nanos.isEmpty()) {
      throw InvalidQueryException.invalidExpression(
          "invalid duration value for search attribute ExecutionDuration: " + literal.text());
    }
    return nanos.getAsLong();
  }

  private static void requireKind(Column column, Literal literal, Literal.Kind kind) {
    if (literal.kind() != kind) {
      throw InvalidQueryException.invalidExpression(
          "invalid value type for search attribute "
              + column.name()
              + " of type "
              + column.typeName()
              + ": "
              + literal.display()
              + " (type: "
              + literal.goType()
              + ")");
    }
  }
}
