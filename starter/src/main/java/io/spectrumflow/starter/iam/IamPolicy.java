package io.spectrumflow.starter.iam;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.pipeline.RedshiftSpec;
import io.spectrumflow.workflows.pipeline.WriteMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The least-privilege IAM policies of a pipeline: what its workers call (S3 under the pipeline's
 * staging prefix, including scheduled runs' moves from {@code incoming/} to {@code kept/}, and
 * under its table prefix; only the Glue actions its catalog mode uses; the Redshift Data API), and
 * what the role Redshift Spectrum assumes needs (trust in Redshift, read access to the catalog and
 * objects). The starter's own policy is {@link StarterPolicy}.
 */
public final class IamPolicy {

  private static final Pattern ACCOUNT = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/.+");
  private static final ObjectMapper JSON = PolicyDocuments.JSON;

  private final PipelineSpec pipeline;
  private final String stagingPrefix;
  private final String partition;
  private final String account;
  private final String region;

  /**
   * @param stagingPrefix where the pipeline's inputs are staged, {@code bucket/prefix/}
   */
  public IamPolicy(PipelineSpec pipeline, String stagingPrefix) {
    this.pipeline = pipeline;
    this.stagingPrefix = stagingPrefix;
    RedshiftSpec redshift = pipeline.redshift();
    Matcher arn = ACCOUNT.matcher(redshift.iamRole());
    this.account = arn.matches() ? arn.group(1) : "*";
    this.partition = PolicyDocuments.partitionOf(redshift.iamRole());
    this.region = redshift.region();
  }

  /** The actions the workers call for this pipeline, as the policy grants them. */
  public List<String> workerActions() {
    List<String> actions = new ArrayList<>();
    for (var statement : worker().withArray("Statement")) {
      statement
          .withArray("Action")
          .forEach(
              a -> {
                if (!actions.contains(a.asText())) {
                  actions.add(a.asText());
                }
              });
    }
    return actions;
  }

  /** The workers' policy. */
  public ObjectNode worker() {
    ObjectNode policy = document();
    ArrayNode statements = policy.withArray("Statement");
    String bucket = pipeline.storage().bucket();
    String tablePrefix = pipeline.tablePrefix();
    int slash = stagingPrefix.indexOf('/');
    String stagingBucket = slash < 0 ? stagingPrefix : stagingPrefix.substring(0, slash);
    String stagingKeys = slash < 0 ? "" : stagingPrefix.substring(slash + 1);
    statements.add(
        statement("ReadStagedInputs", List.of("s3:GetObject"), List.of(s3(stagingPrefix + "*"))));
    // a scheduled run moves what it exported out of incoming/: CopyObject reads the source (above)
    // and writes the copy under kept/, then DeleteObject removes the source
    statements.add(
        statement(
            "KeepScheduledInputs", List.of("s3:PutObject"), List.of(s3(stagingPrefix + "kept/*"))));
    statements.add(
        statement(
            "TakeScheduledInputs",
            List.of("s3:DeleteObject"),
            List.of(s3(stagingPrefix + "incoming/*"))));
    if (!stagingBucket.equals(bucket)) {
      // in the table's bucket, ListTableBucket below already lets the workers list incoming/
      statements.add(
          PolicyDocuments.listUnder(
              "ListScheduledInputs", s3(stagingBucket), stagingKeys + "incoming/"));
    }
    statements.add(
        statement(
            "WriteTableObjects",
            // GetObject: HeadObject reads which run wrote an object before a rollback deletes it
            List.of("s3:PutObject", "s3:DeleteObject", "s3:GetObject"),
            List.of(s3(bucket + "/" + tablePrefix + "*"))));
    // HeadBucket (doctor's first check, the health check) is authorized as ListBucket and has no
    // s3:prefix, so a condition on the prefix would refuse it: the table bucket may be listed
    statements.add(statement("ListTableBucket", List.of("s3:ListBucket"), List.of(s3(bucket))));
    statements.add(statement("GlueCatalog", glueActions(), glueResources()));
    if (pipeline.catalog().mode() == CatalogMode.CRAWLER) {
      statements.add(
          statement(
              "RunCrawler",
              List.of(
                  "glue:GetCrawler",
                  "glue:CreateCrawler",
                  "glue:UpdateCrawler",
                  "glue:StartCrawler"),
              List.of(arn("glue", "crawler/" + crawlerName()))));
      statements.add(
          statement(
              "PassCrawlerRole",
              List.of("iam:PassRole"),
              List.of(pipeline.catalog().crawlerRole())));
    }
    statements.add(
        statement(
            "RedshiftDataApi",
            List.of(
                "redshift-data:ExecuteStatement",
                "redshift-data:DescribeStatement",
                "redshift-data:GetStatementResult",
                "redshift-data:ListStatements"),
            List.of("*")));
    RedshiftSpec redshift = pipeline.redshift();
    if (redshift.clusterIdentifier() != null) {
      statements.add(
          statement(
              "CheckRoleAssociation",
              List.of("redshift:DescribeClusters"),
              List.of(arn("redshift", "cluster:" + redshift.clusterIdentifier()))));
    }
    statements.add(credentials(redshift));
    return policy;
  }

  /** The trust policy of the role in {@code IAM_ROLE}: Redshift may assume it. */
  public ObjectNode spectrumTrust() {
    ObjectNode policy = document();
    ObjectNode statement = policy.withArray("Statement").addObject();
    statement.put("Effect", "Allow");
    statement.putObject("Principal").put("Service", "redshift.amazonaws.com");
    statement.put("Action", "sts:AssumeRole");
    return policy;
  }

  /** What Redshift Spectrum reads with that role: the catalog and the table's objects. */
  public ObjectNode spectrumPermissions() {
    ObjectNode policy = document();
    ArrayNode statements = policy.withArray("Statement");
    statements.add(
        statement(
            "ReadCatalog",
            List.of(
                "glue:GetDatabase",
                "glue:GetDatabases",
                "glue:GetTable",
                "glue:GetTables",
                "glue:GetPartition",
                "glue:GetPartitions",
                "glue:BatchGetPartition"),
            glueResources()));
    statements.add(
        statement(
            "ReadTableObjects",
            List.of("s3:GetObject"),
            List.of(s3(pipeline.storage().bucket() + "/" + pipeline.tablePrefix() + "*"))));
    statements.add(
        PolicyDocuments.listUnder(
            "ListTablePrefix", s3(pipeline.storage().bucket()), pipeline.tablePrefix()));
    return policy;
  }

  /** All three documents, labelled, as {@code spectrumflow iam-policy} prints them. */
  public ObjectNode all() {
    ObjectNode all = JSON.createObjectNode();
    all.set("workerPolicy", worker());
    all.set("spectrumRoleTrustPolicy", spectrumTrust());
    all.set("spectrumRolePolicy", spectrumPermissions());
    return all;
  }

  private List<String> glueActions() {
    List<String> actions =
        new ArrayList<>(
            List.of(
                "glue:GetDatabase", "glue:GetDatabases", "glue:CreateDatabase", "glue:GetTable"));
    // partitions get the table's columns after a schema change (Athena requires it)
    actions.addAll(List.of("glue:GetPartitions", "glue:BatchUpdatePartition"));
    if (pipeline.catalog().mode() == CatalogMode.CRAWLER) {
      actions.addAll(
          List.of("glue:UpdateTable", "glue:BatchGetPartition", "glue:BatchCreatePartition"));
    } else {
      actions.addAll(List.of("glue:CreateTable", "glue:UpdateTable", "glue:BatchCreatePartition"));
      if (pipeline.storage().mode() == WriteMode.REPLACE_PARTITIONS) {
        actions.addAll(List.of("glue:BatchGetPartition", "glue:BatchDeletePartition"));
      }
    }
    return actions;
  }

  private List<String> glueResources() {
    String database = pipeline.catalog().database();
    return List.of(
        arn("glue", "catalog"),
        arn("glue", "database/" + database),
        arn("glue", "table/" + database + "/" + pipeline.catalog().table()));
  }

  private ObjectNode credentials(RedshiftSpec redshift) {
    if (redshift.workgroupName() != null) {
      return statement(
          "ServerlessCredentials",
          List.of("redshift-serverless:GetCredentials"),
          List.of(arn("redshift-serverless", "workgroup/*")));
    }
    if (redshift.secretArn() != null) {
      return statement(
          "DatabaseSecret",
          List.of("secretsmanager:GetSecretValue"),
          List.of(redshift.secretArn()));
    }
    return statement(
        "TemporaryDatabaseCredentials",
        List.of("redshift:GetClusterCredentials"),
        List.of(
            arn("redshift", "dbuser:" + redshift.clusterIdentifier() + "/" + redshift.dbUser()),
            arn("redshift", "dbname:" + redshift.clusterIdentifier() + "/" + redshift.database())));
  }

  private String crawlerName() {
    String name = pipeline.catalog().crawlerName();
    return name == null || name.isBlank() ? "spectrumflow-" + pipeline.name() : name;
  }

  private String arn(String service, String resource) {
    return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
  }

  private String s3(String resource) {
    return PolicyDocuments.s3(partition, resource);
  }

  private static ObjectNode document() {
    return PolicyDocuments.document();
  }

  private static ObjectNode statement(String sid, List<String> actions, List<String> resources) {
    return PolicyDocuments.statement(sid, actions, resources);
  }
}
