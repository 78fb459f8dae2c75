package io.spectrumflow.local.aws.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Query-protocol request's parameters ({@code Action=...&Version=...&Member=value}), with lists
 * as {@code Member.<item>.N}, N from 1.
 */
public final class QueryRequest {

  private final Map<String, String> parameters;

  public QueryRequest(Map<String, String> parameters) {
    this.parameters = Map.copyOf(parameters);
  }

  public String string(String name) {
    String value = parameters.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  public String requiredString(String name) {
    String value = string(name);
    if (value == null) {
      throw new QueryException(
          "MissingParameter", "The request must contain the parameter " + name, 400);
    }
    return value;
  }

  public Integer integer(String name) {
    String value = string(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw new QueryException(
          "InvalidParameterValue", "Invalid value '" + value + "' for " + name, 400);
    }
  }

  /**
   * A list parameter's items in order, whatever the item element is called: the AWS SDKs send
   * {@code AddIamRoles.IamRoleArn.1}, other clients {@code AddIamRoles.member.1}.
   */
  public List<String> list(String name) {
    Pattern item = Pattern.compile(Pattern.quote(name) + "\\.[A-Za-z]+\\.(\\d+)");
    Map<Integer, String> items = new TreeMap<>();
    parameters.forEach(
        (key, value) -> {
          Matcher matcher = item.matcher(key);
          if (matcher.matches()) {
            items.put(Integer.valueOf(matcher.group(1)), value);
          }
        });
    return new ArrayList<>(items.values());
  }
}
