package io.spectrumflow.activities.glue;

import io.spectrumflow.activities.aws.AwsFailures;
import io.spectrumflow.workflows.export.CatalogActivities;
import io.spectrumflow.workflows.export.CatalogRequest;
import io.spectrumflow.workflows.export.CatalogResult;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.glue.GlueClient;

/** The catalog step. */
public final class CatalogActivitiesImpl implements CatalogActivities {

  private final DirectCatalog direct;

  public CatalogActivitiesImpl(GlueClient glue) {
    this.direct = new DirectCatalog(glue);
  }

  @Override
  public CatalogResult registerPartitions(CatalogRequest request) {
    try {
      return direct.register(request);
    } catch (SdkException e) {
      throw AwsFailures.translate("Glue", "catalog registration", e);
    }
  }
}
