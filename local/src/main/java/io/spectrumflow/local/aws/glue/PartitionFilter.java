package io.spectrumflow.local.aws.glue;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.aws.http.AwsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GetPartitions' {@code Expression} over partition keys, e.g. {@code date = '2026-11-24'}, {@code
 * date in ('a', 'b')}, {@code year > 2020 and not month between 1 and 3}, {@code name like 'a%'}.
 * Values of integral and decimal keys compare as numbers, all others as strings, as Glue does.
 */
final class PartitionFilter {

  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:(?<str>'(?:[^']|'')*')|(?<num>-?\\d+(?:\\.\\d+)?)|(?<id>[A-Za-z_][A-Za-z0-9_]*)"
              + "|(?<quoted>`[^`]+`|\"[^\"]+\")|(?<op><>|!=|<=|>=|=|<|>|\\(|\\)|,))");

  private final List<String> tokens = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();
  private final List<Boolean> numeric = new ArrayList<>();
  private final String expression;
  private int position;

  private PartitionFilter(String expression, JsonNode partitionKeys) {
    this.expression = expression;
    for (JsonNode key : partitionKeys) {
      keys.add(key.path("Name").asText().toLowerCase(Locale.ROOT));
      String type = key.path("Type").asText("string").toLowerCase(Locale.ROOT);
      numeric.add(type.matches("(tinyint|smallint|int|integer|bigint|float|double|decimal.*)"));
    }
    Matcher matcher = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && !expression.substring(at).isBlank()) {
      if (!matcher.find(at) || matcher.start() != at) {
        throw invalid("unexpected text at position " + at);
      }
      tokens.add(matcher.group().trim());
      at = matcher.end();
    }
  }

  /** The filter for a table with the given {@code PartitionKeys}; values are in key order. */
  static Predicate<List<String>> parse(String expression, JsonNode partitionKeys) {
    PartitionFilter parser = new PartitionFilter(expression, partitionKeys);
    Predicate<List<String>> filter = parser.or();
    if (parser.position != parser.tokens.size()) {
      throw parser.invalid("unexpected " + parser.tokens.get(parser.position));
    }
    return filter;
  }

  private Predicate<List<String>> or() {
    Predicate<List<String>> left = and();
    while (accept("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<List<String>> and() {
    Predicate<List<String>> left = not();
    while (accept("and")) {
      left = left.and(not());
    }
    return left;
  }

  private Predicate<List<String>> not() {
    if (accept("not")) {
      return not().negate();
    }
    if (accept("(")) {
      Predicate<List<String>> inner = or();
      expect(")");
      return inner;
    }
    return comparison();
  }

  private Predicate<List<String>> comparison() {
    int key = key(next());
    boolean negated = accept("not");
    Predicate<List<String>> test;
    if (accept("in")) {
      expect("(");
      List<String> literals = new ArrayList<>(List.of(literal()));
      while (accept(",")) {
        literals.add(literal());
      }
      expect(")");
      test = values -> literals.stream().anyMatch(l -> compare(key, values.get(key), l) == 0);
    } else if (accept("between")) {
      String low = literal();
      expect("and");
      String high = literal();
      test =
          values ->
              compare(key, values.get(key), low) >= 0 && compare(key, values.get(key), high) <= 0;
    } else if (accept("like")) {
      Pattern like = likePattern(literal());
      test = values -> like.matcher(values.get(key)).matches();
    } else if (negated) {
      throw invalid("expected IN, BETWEEN or LIKE after NOT");
    } else {
      String op = next();
      String literal = literal();
      test = values -> holds(op, compare(key, values.get(key), literal));
    }
    return negated ? test.negate() : test;
  }

  private boolean holds(String op, int comparison) {
    return switch (op) {
      case "=" -> comparison == 0;
      case "<>", "!=" -> comparison != 0;
      case "<" -> comparison < 0;
      case "<=" -> comparison <= 0;
      case ">" -> comparison > 0;
      case ">=" -> comparison >= 0;
      default -> throw invalid("unknown operator " + op);
    };
  }

  private int compare(int key, String value, String literal) {
    if (numeric.get(key)) {
      try {
        return new BigDecimal(value).compareTo(new BigDecimal(literal));
      } catch (NumberFormatException e) {
        // a non-numeric value in a numeric key: fall back to text, as a string compare would
      }
    }
    return value.compareTo(literal);
  }

  private static Pattern likePattern(String like) {
    StringBuilder regex = new StringBuilder();
    for (char c : like.toCharArray()) {
      regex.append(
          switch (c) {
            case '%' -> ".*";
            case '_' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  private int key(String token) {
    String name = token;
    if (token.startsWith("`") || token.startsWith("\"")) {
      name = token.substring(1, token.length() - 1);
    }
    int index = keys.indexOf(name.toLowerCase(Locale.ROOT));
    if (index < 0) {
      throw invalid("unknown partition key " + name);
    }
    return index;
  }

  private String literal() {
    String token = next();
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    if (token.matches("-?\\d+(\\.\\d+)?")) {
      return token;
    }
    throw invalid("expected a literal, found " + token);
  }

  private boolean accept(String token) {
    if (position < tokens.size() && tokens.get(position).equalsIgnoreCase(token)) {
      position++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw invalid("expected " + token);
    }
  }

  private String next() {
    if (position >= tokens.size()) {
      throw invalid("unexpected end");
    }
    return tokens.get(position++);
  }

  private AwsException invalid(String detail) {
    return new AwsException(
        "InvalidInputException", "Unsupported expression '" + expression + "': " + detail);
  }
}
