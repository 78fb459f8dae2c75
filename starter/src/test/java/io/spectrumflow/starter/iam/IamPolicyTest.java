package io.spectrumflow.starter.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamPolicyTest {

  @TempDir Path dir;

  private PipelineSpec pipeline(String catalog, String storageExtra) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("c.yml"),
            """
            pipelines:
              clicks:
                storage: {bucket: lake, prefix: exports%s}
                catalog: %s
                redshift:
                  clusterIdentifier: analytics
                  dbUser: loader
                  iamRole: "arn:aws:iam::123456789012:role/spectrum"
                  region: eu-west-1
            """
                .formatted(storageExtra, catalog));
    return PipelinesFile.load(file).pipeline("clicks");
  }

  @Test
  void directModeGrantsOnlyWhatTheWorkersCall() throws Exception {
    IamPolicy policy = new IamPolicy(pipeline("{database: web}", ""), "lake/staging/clicks/");
    JsonNode worker = new ObjectMapper().readTree(policy.worker().toString());

    assertThat(policy.workerActions())
        .containsExactlyInAnyOrder(
            "s3:GetObject",
            "s3:PutObject",
            "s3:DeleteObject",
            "s3:ListBucket",
            "glue:GetDatabase",
            "glue:GetDatabases",
            "glue:CreateDatabase",
            "glue:GetTable",
            "glue:CreateTable",
            "glue:UpdateTable",
            "glue:BatchCreatePartition",
            "glue:GetPartitions",
            "glue:BatchUpdatePartition",
            "redshift-data:ExecuteStatement",
            "redshift-data:DescribeStatement",
            "redshift-data:GetStatementResult",
            "redshift-data:ListStatements",
            "redshift:DescribeClusters",
            "redshift:GetClusterCredentials");
    assertThat(resources(worker, "WriteTableObjects"))
        .containsExactly("arn:aws:s3:::lake/exports/clicks/*");
    assertThat(resources(worker, "ReadStagedInputs"))
        .containsExactly("arn:aws:s3:::lake/staging/clicks/*");
    // HeadBucket (doctor, the health check) is ListBucket without a prefix: no condition
    assertThat(resources(worker, "ListTableBucket")).containsExactly("arn:aws:s3:::lake");
    assertThat(statement(worker, "ListTableBucket").has("Condition")).isFalse();
    assertThat(resources(worker, "GlueCatalog"))
        .containsExactly(
            "arn:aws:glue:eu-west-1:123456789012:catalog",
            "arn:aws:glue:eu-west-1:123456789012:database/web",
            "arn:aws:glue:eu-west-1:123456789012:table/web/clicks");
    assertThat(resources(worker, "TemporaryDatabaseCredentials"))
        .containsExactly(
            "arn:aws:redshift:eu-west-1:123456789012:dbuser:analytics/loader",
            "arn:aws:redshift:eu-west-1:123456789012:dbname:analytics/dev");
  }

  @Test
  void stagingInTheTablesBucketNeedsNoListingOfItsOwn() throws Exception {
    // the moto suite's minimality check: with staging in the table's bucket, removing this
    // statement's ListBucket denied nothing, because ListTableBucket allows it already
    IamPolicy policy = new IamPolicy(pipeline("{database: web}", ""), "lake/staging/clicks/");
    JsonNode worker = new ObjectMapper().readTree(policy.worker().toString());

    assertThat(worker.get("Statement"))
        .extracting(s -> s.get("Sid").asText())
        .contains("ListTableBucket", "KeepScheduledInputs")
        .doesNotContain("ListScheduledInputs");
  }

  @Test
  void scheduledRunsMayListIncomingMoveToKeptAndDeleteFromIncomingOnly() throws Exception {
    IamPolicy policy = new IamPolicy(pipeline("{database: web}", ""), "drops/in/clicks/");
    JsonNode worker = new ObjectMapper().readTree(policy.worker().toString());

    assertThat(resources(worker, "ListScheduledInputs")).containsExactly("arn:aws:s3:::drops");
    assertThat(
            statement(worker, "ListScheduledInputs")
                .at("/Condition/StringLike/s3:prefix/0")
                .asText())
        .isEqualTo("in/clicks/incoming/*");
    assertThat(resources(worker, "KeepScheduledInputs"))
        .containsExactly("arn:aws:s3:::drops/in/clicks/kept/*");
    assertThat(resources(worker, "TakeScheduledInputs"))
        .containsExactly("arn:aws:s3:::drops/in/clicks/incoming/*");
  }

  @Test
  void crawlerModeAddsTheCrawlerAndPassesItsRoleAndNothingMore() throws Exception {
    IamPolicy policy =
        new IamPolicy(
            pipeline(
                "{mode: crawler, database: web, crawlerRole: \"arn:aws:iam::123456789012:role/glue\"}",
                ""),
            "lake/staging/clicks/");
    JsonNode worker = new ObjectMapper().readTree(policy.worker().toString());

    assertThat(policy.workerActions())
        .contains("glue:StartCrawler", "glue:GetCrawler", "iam:PassRole")
        .doesNotContain("glue:CreateTable");
    assertThat(resources(worker, "RunCrawler"))
        .containsExactly("arn:aws:glue:eu-west-1:123456789012:crawler/spectrumflow-clicks");
    assertThat(resources(worker, "PassCrawlerRole"))
        .containsExactly("arn:aws:iam::123456789012:role/glue");
  }

  @Test
  void replaceModeMayMovePartitions() throws Exception {
    IamPolicy policy =
        new IamPolicy(
            pipeline("{database: web}", ", mode: replace-partitions"), "lake/staging/clicks/");

    assertThat(policy.workerActions())
        .contains(
            "glue:BatchGetPartition", "glue:BatchUpdatePartition", "glue:BatchDeletePartition");
  }

  @Test
  void theSpectrumRoleTrustsRedshiftAndReadsOnlyItsTable() throws Exception {
    IamPolicy policy = new IamPolicy(pipeline("{database: web}", ""), "lake/staging/clicks/");
    JsonNode trust = new ObjectMapper().readTree(policy.spectrumTrust().toString());
    JsonNode read = new ObjectMapper().readTree(policy.spectrumPermissions().toString());

    assertThat(trust.at("/Statement/0/Principal/Service").asText())
        .isEqualTo("redshift.amazonaws.com");
    assertThat(trust.at("/Statement/0/Action").asText()).isEqualTo("sts:AssumeRole");
    assertThat(resources(read, "ReadTableObjects"))
        .containsExactly("arn:aws:s3:::lake/exports/clicks/*");
  }

  private static JsonNode statement(JsonNode policy, String sid) {
    for (JsonNode statement : policy.get("Statement")) {
      if (statement.get("Sid").asText().equals(sid)) {
        return statement;
      }
    }
    throw new AssertionError("no statement " + sid + " in " + policy);
  }

  private static List<String> resources(JsonNode policy, String sid) {
    List<String> resources = new ArrayList<>();
    statement(policy, sid).get("Resource").forEach(r -> resources.add(r.asText()));
    return resources;
  }
}
