package io.spectrumflow.local.temporal.visibility.query;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Locale;

/** Proto enum constants in the short form the server and the SDK print ({@code KeywordList}). */
public final class TypeNames {

  private TypeNames() {}

  public static String simple(IndexedValueType type) {
    return camel(type.name(), "INDEXED_VALUE_TYPE_");
  }

  /**
   * {@code WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW} with its prefix -> {@code ContinuedAsNew}.
   */
  public static String camel(String constant, String prefix) {
    String rest = constant.startsWith(prefix) ? constant.substring(prefix.length()) : constant;
    StringBuilder out = new StringBuilder();
    for (String word : rest.split("_")) {
      if (!word.isEmpty()) {
        out.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return out.toString();
  }
}
