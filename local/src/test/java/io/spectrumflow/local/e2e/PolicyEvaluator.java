package io.spectrumflow.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.e2e.IamActions.Authorization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides an authorization against a printed policy as IAM does for the parts our policies use:
 * Allow statements, actions and resources with {@code *} and {@code ?}, and {@code StringLike} or
 * {@code StringEquals} conditions on {@code s3:prefix} (a request without the key fails them). moto
 * checks actions and resources but ignores conditions, hence this. Anything else in a policy fails
 * loudly, so that the evaluator never passes what it does not understand.
 */
public final class PolicyEvaluator {

  private PolicyEvaluator() {}

  /** The authorizations the policy does not allow. */
  public static List<Authorization> denied(JsonNode policy, List<Authorization> authorizations) {
    List<Authorization> denied = new ArrayList<>();
    for (Authorization authorization : authorizations) {
      if (!allows(policy, authorization)) {
        denied.add(authorization);
      }
    }
    return denied;
  }

  public static boolean allows(JsonNode policy, Authorization authorization) {
    for (JsonNode statement : policy.get("Statement")) {
      if (!statement.path("Effect").asText().equals("Allow")) {
        throw new IllegalArgumentException("only Allow statements are understood: " + statement);
      }
      if (matchesAny(statement.get("Action"), authorization.action(), true)
          && (authorization.resource() == null
              || matchesAny(statement.get("Resource"), authorization.resource(), false))
          && conditionsHold(statement.get("Condition"), authorization)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAny(JsonNode patterns, String value, boolean ignoreCase) {
    for (JsonNode pattern : patterns.isArray() ? patterns : List.of(patterns)) {
      if (wildcard(pattern.asText(), ignoreCase).matcher(value).matches()) {
        return true;
      }
    }
    return false;
  }

  private static boolean conditionsHold(JsonNode condition, Authorization authorization) {
    if (condition == null) {
      return true;
    }
    for (Map.Entry<String, JsonNode> operator : condition.properties()) {
      for (Map.Entry<String, JsonNode> key : operator.getValue().properties()) {
        if (!key.getKey().equals("s3:prefix")) {
          throw new IllegalArgumentException("condition key not understood: " + key.getKey());
        }
        String value = authorization.s3Prefix();
        boolean holds =
            switch (operator.getKey()) {
              case "StringLike" -> value != null && matchesAny(key.getValue(), value, false);
              case "StringEquals" -> value != null && matchesExactly(key.getValue(), value);
              default ->
                  throw new IllegalArgumentException(
                      "condition operator not understood: " + operator.getKey());
            };
        if (!holds) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean matchesExactly(JsonNode values, String value) {
    for (JsonNode candidate : values.isArray() ? values : List.of(values)) {
      if (candidate.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static Pattern wildcard(String pattern, boolean ignoreCase) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    // action names are case-insensitive, resource ARNs are not
    return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
  }
}
