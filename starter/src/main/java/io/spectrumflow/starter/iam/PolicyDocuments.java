package io.spectrumflow.starter.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The JSON of IAM policy documents and their statements. */
final class PolicyDocuments {

  static final ObjectMapper JSON = new ObjectMapper();

  private PolicyDocuments() {}

  static ObjectNode document() {
    ObjectNode policy = JSON.createObjectNode();
    policy.put("Version", "2012-10-17");
    policy.putArray("Statement");
    return policy;
  }

  static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
    ObjectNode statement = JSON.createObjectNode();
    statement.put("Sid", sid);
    statement.put("Effect", "Allow");
    ArrayNode actionArray = statement.putArray("Action");
    actions.forEach(actionArray::add);
    ArrayNode resourceArray = statement.putArray("Resource");
    resources.forEach(resourceArray::add);
    return statement;
  }

  /** {@code s3:ListBucket} on a bucket, only for listings under a key prefix. */
  static ObjectNode listUnder(String sid, String bucketArn, String keyPrefix) {
    ObjectNode list = statement(sid, List.of("s3:ListBucket"), List.of(bucketArn));
    list.putObject("Condition").putObject("StringLike").putArray("s3:prefix").add(keyPrefix + "*");
    return list;
  }

  static String s3(String partition, String resource) {
    return "arn:" + partition + ":s3:::" + resource;
  }

  /**
   * The partition of an ARN ({@code aws}, {@code aws-cn}, {@code aws-us-gov}), {@code aws} if none.
   */
  static String partitionOf(String arn) {
    return arn != null && arn.startsWith("arn:aws-") ? arn.split(":")[1] : "aws";
  }
}
