package io.spectrumflow.activities.redshift;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.activities.heartbeat.Heartbeats;
import io.spectrumflow.workflows.export.CountRequest;
import io.spectrumflow.workflows.export.CountResult;
import io.spectrumflow.workflows.export.DdlRequest;
import io.spectrumflow.workflows.export.RedshiftActivities;
import io.spectrumflow.workflows.export.StatementResult;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.redshift.RedshiftClient;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/** The DDL and verify steps. */
public final class RedshiftActivitiesImpl implements RedshiftActivities {

  private final DataApiStatements statements;
  private final RoleAssociation roles;

  public RedshiftActivitiesImpl(RedshiftDataClient client, RedshiftClient redshift) {
    this.statements = new DataApiStatements(client);
    this.roles = new RoleAssociation(redshift);
  }

  @Override
  public StatementResult applyExternalSchema(DdlRequest request) {
    String sql = SpectrumSql.createExternalSchema(request);
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      Heartbeats.during(
          () -> {
            roles.check(request.redshift());
            return null;
          });
    } catch (SdkException e) {
      throw AwsFailures.translate("Redshift", "DescribeClusters", e);
    }
    try {
      return new StatementResult(sql, statements.run(request.redshift(), sql, context::heartbeat));
    } catch (SdkException e) {
      throw AwsFailures.translate("Redshift Data API", "ExecuteStatement", e);
    }
  }

  @Override
  public CountResult countRows(CountRequest request) {
    List<String> sqls = SpectrumSql.countBatchRows(request);
    ActivityExecutionContext context = Activity.getExecutionContext();
    try {
      long rows = 0;
      for (String sql : sqls) {
        String id = statements.run(request.redshift(), sql, context::heartbeat);
        rows += Heartbeats.during(() -> statements.singleLong(id));
      }
      return new CountResult(describe(sqls), rows);
    } catch (SdkException e) {
      throw AwsFailures.translate("Redshift Data API", "ExecuteStatement", e);
    }
  }

  /** The statement, or the first of several, for messages. */
  static String describe(List<String> sqls) {
    return sqls.size() == 1
        ? sqls.get(0)
        : sqls.get(0)
            + " (the first of "
            + sqls.size()
            + " statements over disjoint shares of the batch's objects, counts added)";
  }
}
