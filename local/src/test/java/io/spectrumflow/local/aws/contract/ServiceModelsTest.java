package io.spectrumflow.local.aws.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The check on botocore's real models of Glue, the Redshift Data API and Redshift: skipped where
 * the models are not installed (a machine with only Java).
 */
class ServiceModelsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private ContractCheck check;

  @BeforeAll
  static void models() {
    assumeTrue(
        ServiceModels.shared().isPresent(),
        "botocore's service models are not installed: set " + ServiceModels.ENVIRONMENT);
  }

  @BeforeEach
  void check() {
    check = new ContractCheck(ServiceModels.shared(), ContractLedger.standalone());
  }

  private List<ContractViolation> glue(String operation, String body) throws Exception {
    return check.checkJson("AWSGlue", operation, JSON.readTree(body));
  }

  @Test
  void twentySixPartitionsInOneBatchDeletePartitionBreakTheLimitOf25() throws Exception {
    String partitions =
        String.join(
            ",", IntStream.range(0, 26).mapToObj(i -> "{\"Values\":[\"" + i + "\"]}").toList());
    List<ContractViolation> violations =
        glue(
            "BatchDeletePartition",
            "{\"DatabaseName\":\"db\",\"TableName\":\"t\",\"PartitionsToDelete\":["
                + partitions
                + "]}");
    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.operation()).isEqualTo("glue.BatchDeletePartition");
              assertThat(v.path()).isEqualTo("partitionsToDelete");
              assertThat(v.rule()).isEqualTo("Member must have length less than or equal to 25");
            });
    assertThat(ContractCheck.message(violations))
        .startsWith("1 validation error detected: Value '[{\"Values\":[\"0\"]}")
        .endsWith(
            "' at 'partitionsToDelete' failed to satisfy constraint: Member must have length less"
                + " than or equal to 25");
    assertThat(check.ledger().checked()).containsEntry("glue.BatchDeletePartition", 1L);
    assertThat(check.ledger().violations()).hasSize(1);
  }

  @Test
  void twentyFivePartitionsAreWithinTheLimit() throws Exception {
    String partitions =
        String.join(
            ",", IntStream.range(0, 25).mapToObj(i -> "{\"Values\":[\"" + i + "\"]}").toList());
    assertThat(
            glue(
                "BatchDeletePartition",
                "{\"DatabaseName\":\"db\",\"TableName\":\"t\",\"PartitionsToDelete\":["
                    + partitions
                    + "]}"))
        .isEmpty();
  }

  @Test
  void aMissingRequiredMember() throws Exception {
    assertThat(glue("BatchCreatePartition", "{\"DatabaseName\":\"db\",\"TableName\":\"t\"}"))
        .extracting(ContractViolation::message)
        .containsExactly(
            "Value null at 'partitionInputList' failed to satisfy constraint: Member must not be null");
  }

  @Test
  void anEnumValueOutsideTheSet() throws Exception {
    assertThat(
            glue(
                "UpdateCrawler",
                "{\"Name\":\"c\",\"SchemaChangePolicy\":{\"UpdateBehavior\":\"SOMETIMES\"}}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("schemaChangePolicy.updateBehavior");
              assertThat(v.rule()).startsWith("Member must satisfy enum value set: [");
              assertThat(v.rule()).contains("LOG", "UPDATE_IN_DATABASE");
            });
  }

  @Test
  void aTooLongStringAndAPattern() throws Exception {
    assertThat(glue("GetTable", "{\"DatabaseName\":\"db\",\"Name\":\"" + "t".repeat(256) + "\"}"))
        .extracting(ContractViolation::path, ContractViolation::rule)
        .containsExactly(tuple("name", "Member must have length less than or equal to 255"));
    assertThat(glue("GetTable", "{\"DatabaseName\":\"line\\nbreak\",\"Name\":\"t\"}"))
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.path()).isEqualTo("databaseName");
              assertThat(v.rule()).startsWith("Member must satisfy regular expression pattern: ");
            });
  }

  @Test
  void nestedListItemsOfATableInput() throws Exception {
    JsonNode body =
        JSON.readTree(
            "{\"DatabaseName\":\"db\",\"TableInput\":{\"Name\":\"t\",\"StorageDescriptor\":"
                + "{\"Columns\":[{\"Name\":\"a\"},{\"Name\":\"b\",\"Comment\":\""
                + "c".repeat(256)
                + "\"}]}}}");
    assertThat(check.checkJson("AWSGlue", "CreateTable", body))
        .extracting(ContractViolation::path)
        .containsExactly("tableInput.storageDescriptor.columns.2.member.comment");
  }

  @Test
  void redshiftDataAndRedshiftQueryRequests() throws Exception {
    assertThat(
            check.checkJson(
                "RedshiftData", "ExecuteStatement", JSON.readTree("{\"Database\":\"dev\"}")))
        .extracting(ContractViolation::operation, ContractViolation::path)
        .containsExactly(tuple("redshift-data.ExecuteStatement", "sql"));
    assertThat(
            check.checkQuery(
                Map.of(
                    "Action", "ModifyClusterIamRoles",
                    "Version", "2012-12-01",
                    "AddIamRoles.IamRoleArn.1", "arn:aws:iam::123456789012:role/r")))
        .extracting(ContractViolation::message)
        .containsExactly(
            "Value null at 'clusterIdentifier' failed to satisfy constraint: Member must not be"
                + " null");
    assertThat(
            check.checkQuery(
                Map.of("Action", "DescribeClusters", "Version", "2012-12-01", "MaxRecords", "20")))
        .isEmpty();
  }

  @Test
  void everyPatternOfTheModelsWeCheckCompilesInJava() {
    for (String service : List.of("glue", "redshift-data", "redshift")) {
      JsonNode shapes = ServiceModels.shared().orElseThrow().service(service).orElseThrow().model();
      shapes
          .path("shapes")
          .forEach(
              shape -> {
                if (shape.has("pattern")) {
                  assertThat(ShapeValidator.compile(shape.get("pattern").asText()))
                      .as(service + " pattern " + shape.get("pattern"))
                      .isPresent();
                }
              });
    }
  }

  @Test
  void anExplicitSettingIsTheOnlyPlaceLookedAt() {
    String before = System.getProperty(ServiceModels.PROPERTY);
    System.setProperty(ServiceModels.PROPERTY, "/nonexistent/botocore/data");
    try {
      assertThat(ServiceModels.locate()).isEmpty();
    } finally {
      if (before == null) {
        System.clearProperty(ServiceModels.PROPERTY);
      } else {
        System.setProperty(ServiceModels.PROPERTY, before);
      }
    }
  }
}
