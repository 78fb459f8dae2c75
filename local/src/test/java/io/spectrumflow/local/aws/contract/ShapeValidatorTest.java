package io.spectrumflow.local.aws.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator on a hand-made model: each rule, worded and placed as AWS words it. */
class ShapeValidatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String MODEL =
      """
      {"metadata": {"targetPrefix": "Test"},
       "operations": {"Put": {"input": {"shape": "PutRequest"}}},
       "shapes": {
         "PutRequest": {"type": "structure", "required": ["Name", "Items"],
           "members": {"Name": {"shape": "Name"}, "Items": {"shape": "Items"},
             "Mode": {"shape": "Mode"}, "Count": {"shape": "Count"}, "Tags": {"shape": "Tags"},
             "Flag": {"shape": "Flag"}}},
         "Name": {"type": "string", "min": 1, "max": 5, "pattern": "[a-z]*"},
         "Items": {"type": "list", "member": {"shape": "Item"}, "max": 2},
         "Item": {"type": "structure", "required": ["Value"],
           "members": {"Value": {"shape": "Name"}}},
         "Mode": {"type": "string", "enum": ["A", "B"]},
         "Count": {"type": "integer", "min": 1, "max": 10},
         "Tags": {"type": "map", "key": {"shape": "Name"}, "value": {"shape": "Name"}},
         "Flag": {"type": "boolean"}}}
      """;

  private static List<ContractViolation> check(String request) throws Exception {
    ServiceModel model = new ServiceModel("test", JSON.readTree(MODEL));
    return new ShapeValidator(model).validate("test.Put", "Put", JSON.readTree(request));
  }

  private static List<String> messages(String request) throws Exception {
    return check(request).stream().map(ContractViolation::message).toList();
  }

  @Test
  void aRequestWithinEveryRuleHasNoViolations() throws Exception {
    assertThat(
            check(
                "{\"Name\":\"abc\",\"Items\":[{\"Value\":\"x\"}],\"Mode\":\"A\",\"Count\":10,"
                    + "\"Tags\":{\"k\":\"v\"},\"Flag\":true,\"Unknown\":1}"))
        .isEmpty();
  }

  @Test
  void aMissingRequiredMemberIsNamedInLowerCamelCase() throws Exception {
    assertThat(messages("{\"Items\":[]}"))
        .containsExactly(
            "Value null at 'name' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void aTooLongStringBreaksLengthAndPatternEach() throws Exception {
    List<ContractViolation> violations = check("{\"Name\":\"ABCDEF\",\"Items\":[]}");
    assertThat(violations)
        .extracting(ContractViolation::rule)
        .containsExactly(
            "Member must have length less than or equal to 5",
            "Member must satisfy regular expression pattern: [a-z]*");
    assertThat(violations).allSatisfy(v -> assertThat(v.operation()).isEqualTo("test.Put"));
    assertThat(violations).allSatisfy(v -> assertThat(v.path()).isEqualTo("name"));
  }

  @Test
  void lengthCountsCharactersNotUtf16Units() throws Exception {
    // five emoji are ten UTF-16 units but five characters; the pattern is not the point here
    String five = "\uD83D\uDE00".repeat(5);
    assertThat(check("{\"Name\":\"" + five + "\",\"Items\":[]}"))
        .extracting(ContractViolation::rule)
        .doesNotContain("Member must have length less than or equal to 5");
  }

  @Test
  void listSizeAndListItemsArePlacedAsAwsPlacesThem() throws Exception {
    assertThat(messages("{\"Name\":\"a\",\"Items\":[{\"Value\":\"x\"},{},{\"Value\":\"y\"}]}"))
        .containsExactly(
            "Value '[{\"Value\":\"x\"},{},{\"Value\":\"y\"}]' at 'items' failed to satisfy"
                + " constraint: Member must have length less than or equal to 2",
            "Value null at 'items.2.member.value' failed to satisfy constraint: Member must not"
                + " be null");
  }

  @Test
  void enumsNumbersMapsAndTypes() throws Exception {
    assertThat(
            messages(
                "{\"Name\":\"a\",\"Items\":[],\"Mode\":\"C\",\"Count\":11,"
                    + "\"Tags\":{\"TOO-LONG\":\"v\"},\"Flag\":\"yes\"}"))
        .containsExactly(
            "Value 'C' at 'mode' failed to satisfy constraint: Member must satisfy enum value"
                + " set: [A, B]",
            "Value '11' at 'count' failed to satisfy constraint: Member must have value less than"
                + " or equal to 10",
            "Value '{\"TOO-LONG\":\"v\"}' at 'tags' failed to satisfy constraint: Map keys must"
                + " satisfy constraint: [Member must have length less than or equal to 5, Member"
                + " must satisfy regular expression pattern: [a-z]*]",
            "Value 'yes' at 'flag' failed to satisfy constraint: Member must be a boolean");
    assertThat(check("{\"Name\":\"a\",\"Items\":[],\"Flag\":\"yes\",\"Count\":0}"))
        .extracting(ContractViolation::path, ContractViolation::typeMismatch)
        .containsExactly(tuple("count", false), tuple("flag", true));
  }

  @Test
  void theMessageCountsTheErrorsAsAwsDoes() throws Exception {
    assertThat(ContractCheck.message(check("{\"Items\":[]}")))
        .isEqualTo(
            "1 validation error detected: Value null at 'name' failed to satisfy constraint:"
                + " Member must not be null");
    assertThat(ContractCheck.message(check("{}")))
        .startsWith("2 validation errors detected: Value null at 'name' ")
        .contains("; Value null at 'items' ");
  }

  @Test
  void anOperationTheModelLacksIsNotChecked() throws Exception {
    ServiceModel model = new ServiceModel("test", JSON.readTree(MODEL));
    JsonNode request = JSON.readTree("{}");
    assertThat(new ShapeValidator(model).validate("test.Other", "Other", request)).isEmpty();
  }

  @Test
  void aPatternJavaCannotCompileIsSkippedNotEnforced() throws Exception {
    JsonNode shape = JSON.readTree("{\"type\":\"string\",\"pattern\":\"[a-\"}");
    assertThat(ShapeValidator.stringRules(shape, "anything")).isEmpty();
  }
}
