package io.spectrumflow.worker.health;

import io.spectrumflow.activities.aws.AwsSettings;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;

/**
 * The Redshift Data API answers ListStatements (at most one). This shows the API is reachable with
 * these credentials; whether a cluster or workgroup runs SQL is for the pipeline's {@code doctor}.
 */
public final class RedshiftDataHealthCheck extends AwsServiceHealthCheck {

  private final RedshiftDataClient redshiftData;

  public RedshiftDataHealthCheck(RedshiftDataClient redshiftData, AwsSettings settings) {
    super("Redshift Data API", settings.redshiftDataEndpoint(), settings.region());
    this.redshiftData = redshiftData;
  }

  @Override
  protected String probe() {
    call("ListStatements", () -> redshiftData.listStatements(b -> b.maxResults(1)));
    return "ListStatements answered";
  }
}
