package io.spectrumflow.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.workflows.export.UploadActivities;
import io.temporal.common.metadata.POJOActivityInterfaceMetadata;
import io.temporal.common.metadata.POJOActivityMethodMetadata;
import org.junit.jupiter.api.Test;

class ExportWorkerTest {

  @Test
  void theHostPickupTimeoutIsKeyedByTheUploadsActivityType() {
    assertThat(
            POJOActivityInterfaceMetadata.newInstance(UploadActivities.class)
                .getMethodsMetadata()
                .stream()
                .map(POJOActivityMethodMetadata::getActivityTypeName))
        .containsExactly(ExportWorker.UPLOAD_ACTIVITY_TYPE);
  }
}
