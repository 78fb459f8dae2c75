package io.spectrumflow.starter.dashboard;

/**
 * Writes HTML in which every value is escaped unless it is passed to {@link #markup} as a constant:
 * run data (failure messages, batch ids, S3 keys) can hold anything a producer sent.
 */
final class Html {

  private final StringBuilder out = new StringBuilder(8192);

  /** Text escaped for element content and attribute values alike. */
  static String escape(Object value) {
    if (value == null) {
      return "";
    }
    String text = value.toString();
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }

  /** Markup written as is: only for constants of this package, never for data. */
  Html markup(String constant) {
    out.append(constant);
    return this;
  }

  /** Another piece built the same way, so already escaped. */
  Html fragment(Html built) {
    out.append(built.out);
    return this;
  }

  Html text(Object value) {
    out.append(escape(value));
    return this;
  }

  /**
   * An opening tag.
   *
   * @param attributes name, value pairs; a pair whose value is null is left out
   */
  Html open(String tag, Object... attributes) {
    out.append('<').append(tag);
    if (attributes.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < attributes.length; i += 2) {
      if (attributes[i + 1] != null) {
        out.append(' ')
            .append(attributes[i])
            .append("=\"")
            .append(escape(attributes[i + 1]))
            .append('"');
      }
    }
    out.append('>');
    return this;
  }

  Html close(String tag) {
    out.append("</").append(tag).append('>');
    return this;
  }

  /** An element holding escaped text. */
  Html element(String tag, Object text, Object... attributes) {
    return open(tag, attributes).text(text).close(tag);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
