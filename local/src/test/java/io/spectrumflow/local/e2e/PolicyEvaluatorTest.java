package io.spectrumflow.local.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.local.e2e.IamActions.Authorization;
import org.junit.jupiter.api.Test;

/** The test's IAM evaluator refuses what IAM refuses, conditions included, which moto ignores. */
class PolicyEvaluatorTest {

  private static JsonNode policy(String statement) throws Exception {
    return new ObjectMapper()
        .readTree("{\"Version\": \"2012-10-17\", \"Statement\": [" + statement + "]}");
  }

  private static final String LIST_UNDER_EXPORTS =
      """
      {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": ["arn:aws:s3:::lake"],
       "Condition": {"StringLike": {"s3:prefix": ["exports/*"]}}}
      """;

  @Test
  void aPrefixConditionAllowsListingsUnderItOnly() throws Exception {
    JsonNode policy = policy(LIST_UNDER_EXPORTS);

    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:ListBucket", "arn:aws:s3:::lake", "exports/t/")))
        .isTrue();
    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:ListBucket", "arn:aws:s3:::lake", "staging/")))
        .isFalse();
    // HeadBucket: ListBucket without a prefix fails the condition
    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:ListBucket", "arn:aws:s3:::lake", null)))
        .isFalse();
    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:ListBucket", "arn:aws:s3:::other", "exports/")))
        .isFalse();
  }

  @Test
  void resourcesMatchByWildcardAndActionsIgnoreCase() throws Exception {
    JsonNode policy =
        policy(
            """
            {"Effect": "Allow", "Action": "s3:PutObject", "Resource": "arn:aws:s3:::lake/a/*"}
            """);

    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:putobject", "arn:aws:s3:::lake/a/b/c", null)))
        .isTrue();
    assertThat(
            PolicyEvaluator.allows(
                policy, new Authorization("s3:PutObject", "arn:aws:s3:::lake/ab", null)))
        .isFalse();
  }

  @Test
  void whatItDoesNotUnderstandFailsLoudly() throws Exception {
    JsonNode policy =
        policy(
            """
            {"Effect": "Allow", "Action": "s3:ListBucket", "Resource": "*",
             "Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/8"}}}
            """);

    assertThatThrownBy(
            () -> PolicyEvaluator.allows(policy, new Authorization("s3:ListBucket", "*", "x")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
