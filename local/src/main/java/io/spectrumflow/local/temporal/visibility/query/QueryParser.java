package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A recursive-descent parser for the visibility query language:
 *
 * <pre>
 * query      = [or] [GROUP BY name] [ORDER BY name [ASC|DESC] {, name [ASC|DESC]}]
 * or         = and {OR and}
 * and        = unary {AND unary}
 * unary      = NOT unary | ( or ) | predicate
 * predicate  = name op literal | name [NOT] IN ( literal {, literal} )
 *            | name [NOT] BETWEEN literal AND literal | name [NOT] STARTS_WITH literal
 *            | name IS [NOT] NULL
 * </pre>
 *
 * Names are resolved and literals read as it goes, so that each refusal names what the server
 * names.
 */
final class QueryParser {

  private static final Set<String> KEYWORDS =
      Set.of(
          "AND",
          "OR",
          "NOT",
          "IN",
          "BETWEEN",
          "STARTS_WITH",
          "IS",
          "NULL",
          "ORDER",
          "GROUP",
          "BY",
          "ASC",
          "DESC",
          "LIMIT",
          "TRUE",
          "FALSE");

  private final List<Token> tokens;
  private final AttributeTypes types;
  private int at;

  QueryParser(List<Token> tokens, AttributeTypes types) {
    this.tokens = tokens;
    this.types = types;
  }

  VisibilityQuery query() {
    Condition where = new Condition.Always();
    if (!peek().isKeyword("ORDER")
        && !peek().isKeyword("GROUP")
        && peek().type() != TokenType.END) {
      where = or();
    }
    Optional<Column> groupBy = Optional.empty();
    if (accept("GROUP")) {
      expect("BY");
      Column column = column();
      if (!column.name().equals(LiteralValues.EXECUTION_STATUS)) {
        throw InvalidQueryException.notSupported(
            "'GROUP BY' clause is only supported for ExecutionStatus search attribute");
      }
      groupBy = Optional.of(column);
    }
    List<OrderTerm> orderBy = new ArrayList<>();
    if (accept("ORDER")) {
      expect("BY");
      do {
        orderBy.add(orderTerm());
      } while (acceptType(TokenType.COMMA));
    }
    if (peek().isKeyword("LIMIT")) {
      throw InvalidQueryException.notSupported("'LIMIT' clause");
    }
    if (peek().type() != TokenType.END) {
      throw syntaxError();
    }
    return new VisibilityQuery(where, List.copyOf(orderBy), groupBy);
  }

  private OrderTerm orderTerm() {
    Column column = column();
    if (column.type() == IndexedValueType.INDEXED_VALUE_TYPE_TEXT) {
      throw InvalidQueryException.notSupported(
          "unable to sort by search attribute type " + column.typeName());
    }
    boolean descending = false;
    if (accept("DESC")) {
      descending = true;
    } else {
      accept("ASC");
    }
    return new OrderTerm(column, descending);
  }

  private Condition or() {
    List<Condition> parts = new ArrayList<>(List.of(and()));
    while (accept("OR")) {
      parts.add(and());
    }
    return parts.size() == 1 ? parts.get(0) : new Condition.AnyOf(List.copyOf(parts));
  }

  private Condition and() {
    List<Condition> parts = new ArrayList<>(List.of(unary()));
    while (accept("AND")) {
      parts.add(unary());
    }
    return parts.size() == 1 ? parts.get(0) : new Condition.AllOf(List.copyOf(parts));
  }

  private Condition unary() {
    if (accept("NOT")) {
      return new Condition.Negation(unary());
    }
    if (acceptType(TokenType.OPEN)) {
      Condition inner = or();
      expectType(TokenType.CLOSE);
      return inner;
    }
    return predicate();
  }

  private Condition predicate() {
    Column column = column();
    if (accept("IS")) {
      boolean negated = accept("NOT");
      expect("NULL");
      return new Condition.Presence(column, negated);
    }
    boolean negated = accept("NOT");
    if (accept("IN")) {
      return membership(column, negated);
    }
    if (accept("BETWEEN")) {
      return between(column, negated);
    }
    if (accept("STARTS_WITH")) {
      requireOperator(column, negated ? "not starts_with" : "starts_with", Operators.PREFIX);
      Object prefix = value(column);
      return new Condition.PrefixMatch(column, String.valueOf(prefix), negated);
    }
    if (negated || peek().type() != TokenType.OPERATOR) {
      throw syntaxError();
    }
    String operator = next().text();
    operator = operator.equals("<>") ? "!=" : operator;
    requireOperator(column, operator, Operators.forComparison(operator));
    return new Condition.Comparison(column, operator, value(column));
  }

  private Condition membership(Column column, boolean negated) {
    requireOperator(column, negated ? "not in" : "in", Operators.MEMBERSHIP);
    expectType(TokenType.OPEN);
    List<Object> values = new ArrayList<>();
    do {
      values.add(value(column));
    } while (acceptType(TokenType.COMMA));
    expectType(TokenType.CLOSE);
    return new Condition.Membership(column, List.copyOf(values), negated);
  }

  private Condition between(Column column, boolean negated) {
    if (!Operators.rangeAllowed(column)) {
      throw InvalidQueryException.invalidExpression(
          "cannot do range condition on search attribute '"
              + column.name()
              + "' of type "
              + column.typeName());
    }
    Object from = value(column);
    expect("AND");
    Object to = value(column);
    return new Condition.Between(column, from, to, negated);
  }

  private void requireOperator(Column column, String operator, Set<IndexedValueType> allowed) {
    if (!allowed.contains(column.type())) {
      throw InvalidQueryException.notSupported(
          "operator '"
              + operator
              + "' not supported for "
              + column.typeName()
              + " type search attribute '"
              + column.name()
              + "'");
    }
  }

  private Column column() {
    Token token = peek();
    boolean isName =
        token.type() == TokenType.QUOTED_WORD
            || (token.type() == TokenType.WORD
                && !KEYWORDS.contains(token.text().toUpperCase(Locale.ROOT)));
    if (!isName) {
      throw syntaxError();
    }
    at++;
    return types
        .typeOf(token.text())
        .map(type -> new Column(token.text(), type))
        .orElseThrow(
            () ->
                InvalidQueryException.invalidExpression(
                    "column name '" + token.text() + "' is not a valid search attribute"));
  }

  private Object value(Column column) {
    Token token = peek();
    Literal literal =
        switch (token.type()) {
          case STRING -> new Literal(Literal.Kind.STRING, token.text());
          case NUMBER -> new Literal(Literal.Kind.NUMBER, token.text());
          case WORD -> {
            if (token.isKeyword("TRUE") || token.isKeyword("FALSE")) {
              yield new Literal(Literal.Kind.BOOLEAN, token.text().toLowerCase(Locale.ROOT));
            }
            throw InvalidQueryException.notSupported(
                "column name on the right side of comparison expression (did you forget to quote '"
                    + token.text()
                    + "'?)");
          }
          default -> throw syntaxError();
        };
    at++;
    return LiteralValues.read(column, literal);
  }

  private Token peek() {
    return tokens.get(at);
  }

  private Token next() {
    Token token = tokens.get(at);
    if (token.type() != TokenType.END) {
      at++;
    }
    return token;
  }

  private boolean accept(String keyword) {
    if (peek().isKeyword(keyword)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptType(TokenType type) {
    if (peek().type() == type) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String keyword) {
    if (!accept(keyword)) {
      throw syntaxError();
    }
  }

  private void expectType(TokenType type) {
    if (!acceptType(type)) {
      throw syntaxError();
    }
  }

  private InvalidQueryException syntaxError() {
    Token token = peek();
    return InvalidQueryException.malformed(
        "syntax error at position " + token.position() + " near " + token.describe());
  }
}
