package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A printed IAM policy as moto can evaluate it. moto checks S3 requests against the statement's
 * actions and resource ARNs (not its {@code Condition}s), but every other service's request against
 * the resource {@code "*"}, which an ARN-scoped statement never matches: so S3 statements are
 * attached as printed, the others with {@code "Resource": "*"} (their actions are what moto
 * checks). moto also checks HeadBucket as an action {@code s3:HeadBucket}, which IAM does not have
 * (AWS checks {@code s3:ListBucket}), so a statement granting {@code s3:ListBucket} grants moto's
 * {@code s3:HeadBucket} with it. And moto checks a DeleteObjects request as {@code s3:DeleteObject}
 * on the bucket's ARN (AWS checks each key's), so a statement granting {@code s3:DeleteObject}
 * under a bucket grants it on the bucket too: which keys a DeleteObjects call deletes moto does not
 * check. Conditions and the keys of DeleteObjects are checked by {@link MotoBlindSpots}, non-S3
 * resources by the unit tests of {@code IamPolicy}.
 */
final class MotoPolicy {

  /** One action of one statement, e.g. {@code WriteTableObjects s3:GetObject}. */
  record Grant(String sid, String action) {
    @Override
    public String toString() {
      return sid + " " + action;
    }
  }

  private MotoPolicy() {}

  static ObjectNode evaluable(ObjectNode printed) {
    ObjectNode policy = printed.deepCopy();
    List<ObjectNode> added = new ArrayList<>();
    for (JsonNode statement : policy.withArray("Statement")) {
      boolean s3 = true;
      for (JsonNode action : statement.withArray("Action")) {
        s3 &= action.asText().startsWith("s3:");
      }
      if (!s3) {
        ((ObjectNode) statement).putArray("Resource").add("*");
      }
      ArrayNode actions = statement.withArray("Action");
      if (s3 && actions.toString().contains("\"s3:ListBucket\"")) {
        actions.add("s3:HeadBucket");
      }
      if (s3 && actions.toString().contains("\"s3:DeleteObject\"")) {
        ObjectNode buckets = policy.objectNode();
        buckets.put("Sid", statement.path("Sid").asText() + "MotoDeleteObjects");
        buckets.put("Effect", "Allow");
        buckets.putArray("Action").add("s3:DeleteObject");
        ArrayNode resources = buckets.putArray("Resource");
        for (JsonNode resource : statement.withArray("Resource")) {
          String arn = resource.asText();
          resources.add(arn.contains("/") ? arn.substring(0, arn.indexOf('/')) : arn);
        }
        added.add(buckets);
      }
    }
    policy.withArray("Statement").addAll(added);
    return policy;
  }

  static List<Grant> grants(ObjectNode policy) {
    List<Grant> grants = new ArrayList<>();
    for (JsonNode statement : policy.withArray("Statement")) {
      for (JsonNode action : statement.withArray("Action")) {
        grants.add(new Grant(statement.path("Sid").asText(), action.asText()));
      }
    }
    return grants;
  }

  /** The policy without that one action in that one statement (an emptied statement goes). */
  static ObjectNode without(ObjectNode policy, Grant grant) {
    ObjectNode copy = policy.deepCopy();
    ArrayNode statements = copy.withArray("Statement");
    for (int i = statements.size() - 1; i >= 0; i--) {
      ObjectNode statement = (ObjectNode) statements.get(i);
      if (!statement.path("Sid").asText().equals(grant.sid())) {
        continue;
      }
      ArrayNode actions = statement.withArray("Action");
      for (int j = actions.size() - 1; j >= 0; j--) {
        if (actions.get(j).asText().equals(grant.action())) {
          actions.remove(j);
        }
      }
      if (actions.isEmpty()) {
        statements.remove(i);
      }
    }
    return copy;
  }
}
