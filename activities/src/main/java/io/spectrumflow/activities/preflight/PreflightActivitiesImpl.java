package io.spectrumflow.activities.preflight;

import io.spectrumflow.activities.aws.AwsClients;
import io.spectrumflow.activities.redshift.DataApiStatements;
import io.spectrumflow.activities.redshift.RoleAssociation;
import io.spectrumflow.workflows.pipeline.CatalogMode;
import io.spectrumflow.workflows.pipeline.PipelineSpec;
import io.spectrumflow.workflows.preflight.PreflightActivities;
import io.spectrumflow.workflows.preflight.PreflightCheck;
import io.spectrumflow.workflows.preflight.PreflightReport;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;

/** The preflight checks, each one AWS call or a few. */
public final class PreflightActivitiesImpl implements PreflightActivities {

  /** A hidden name: Spectrum and Glue crawlers skip objects whose names start with '_'. */
  static final String PROBE = "_spectrumflow-preflight";

  private final AwsClients aws;

  public PreflightActivitiesImpl(AwsClients aws) {
    this.aws = aws;
  }

  @Override
  public PreflightReport checkPipeline(PipelineSpec pipeline) {
    List<PreflightCheck> checks = new ArrayList<>();
    String bucket = pipeline.storage().bucket();
    String database = pipeline.catalog().database();
    String table = pipeline.catalog().table();
    run(
        checks,
        "S3 bucket " + bucket,
        () -> {
          aws.s3().headBucket(b -> b.bucket(bucket));
          return "reachable";
        });
    String probe = pipeline.tablePrefix() + PROBE;
    run(
        checks,
        "S3 write under " + pipeline.tableLocation(),
        () -> {
          aws.s3().putObject(b -> b.bucket(bucket).key(probe), RequestBody.fromString("preflight"));
          aws.s3().deleteObject(b -> b.bucket(bucket).key(probe));
          return "put and deleted " + probe;
        });
    run(
        checks,
        "Glue database " + database,
        () -> {
          try {
            aws.glue().getDatabase(b -> b.name(database));
            return "exists";
          } catch (EntityNotFoundException missing) {
            return "does not exist yet; the first run creates it";
          }
        });
    run(
        checks,
        "Glue table " + database + "." + table,
        () -> {
          try {
            aws.glue().getTable(b -> b.databaseName(database).name(table));
            return "exists";
          } catch (EntityNotFoundException missing) {
            return "does not exist yet; the first run creates it";
          }
        });
    if (pipeline.catalog().mode() == CatalogMode.CRAWLER) {
      run(
          checks,
          "Glue crawler role",
          () -> {
            String role = pipeline.catalog().crawlerRole();
            if (role == null || role.isBlank()) {
              throw new IllegalStateException("catalog.crawlerRole is not set");
            }
            return role;
          });
    }
    run(
        checks,
        "Redshift IAM role association",
        () -> new RoleAssociation(aws.redshift()).check(pipeline.redshift()));
    run(
        checks,
        "Redshift Data API",
        () -> {
          new DataApiStatements(aws.redshiftData()).run(pipeline.redshift(), "SELECT 1", id -> {});
          return "SELECT 1 finished in database " + pipeline.redshift().database();
        });
    return new PreflightReport(Activity.getExecutionContext().getInfo().getWorkflowId(), checks);
  }

  private static void run(List<PreflightCheck> checks, String name, Callable<String> check) {
    try {
      checks.add(new PreflightCheck(name, true, check.call()));
    } catch (ApplicationFailure failure) {
      checks.add(new PreflightCheck(name, false, failure.getOriginalMessage()));
    } catch (Exception e) {
      checks.add(new PreflightCheck(name, false, e.getMessage()));
    }
  }
}
