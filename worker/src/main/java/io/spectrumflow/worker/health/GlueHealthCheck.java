package io.spectrumflow.worker.health;

import io.spectrumflow.activities.aws.AwsSettings;
import software.amazon.awssdk.services.glue.GlueClient;

/** The Glue Data Catalog answers GetDatabases (at most one, so the call stays cheap). */
public final class GlueHealthCheck extends AwsServiceHealthCheck {

  private final GlueClient glue;

  public GlueHealthCheck(GlueClient glue, AwsSettings settings) {
    super("Glue", settings.glueEndpoint(), settings.region());
    this.glue = glue;
  }

  @Override
  protected String probe() {
    call("GetDatabases", () -> glue.getDatabases(b -> b.maxResults(1)));
    return "GetDatabases answered";
  }
}
