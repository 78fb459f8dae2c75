package io.spectrumflow.local.aws.http;

import java.util.ArrayList;
import java.util.List;

/**
 * An XML element of a Query-protocol answer: text or children. Written by {@link QueryProtocol},
 * which escapes text, so operations never build XML as strings.
 */
public record XmlNode(String name, String text, List<XmlNode> children) {

  public static XmlNode text(String name, Object value) {
    return new XmlNode(name, String.valueOf(value), List.of());
  }

  public static XmlNode of(String name, List<XmlNode> children) {
    return new XmlNode(name, null, List.copyOf(children));
  }

  public static XmlNode of(String name, XmlNode... children) {
    return of(name, List.of(children));
  }

  /** A list member: each item wrapped in an element named {@code member}. */
  public static XmlNode list(String name, String member, List<String> values) {
    List<XmlNode> items = new ArrayList<>();
    values.forEach(v -> items.add(text(member, v)));
    return of(name, items);
  }
}
