package io.spectrumflow.local.temporal.visibility.query;

/**
 * A value written in a query, before it is read for the type of the attribute it is compared to.
 */
record Literal(Kind kind, String text) {

  enum Kind {
    STRING,
    NUMBER,
    BOOLEAN
  }

  /** As the server quotes it in messages. */
  String display() {
    return kind == Kind.STRING ? "\"" + text + "\"" : text;
  }

  String goType() {
    return switch (kind) {
      case STRING -> "string";
      case NUMBER -> text.matches("-?\\d+") ? "int64" : "float64";
      case BOOLEAN -> "bool";
    };
  }
}
