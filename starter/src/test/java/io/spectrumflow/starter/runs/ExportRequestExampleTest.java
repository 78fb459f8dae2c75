package io.spectrumflow.starter.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.starter.config.PipelinesFile;
import io.spectrumflow.workflows.export.ExportRequest;
import io.temporal.common.converter.JacksonJsonPayloadConverter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The request JSON the README shows other services is what the workflow takes. */
class ExportRequestExampleTest {

  @Test
  void theDocumentedRequestIsTheWorkflowsInput() throws Exception {
    ExportRequest request =
        JacksonJsonPayloadConverter.newDefaultObjectMapper()
            .readValue(
                Files.readString(Path.of("../docs/export-request.example.json")),
                ExportRequest.class);

    assertThat(request.pipeline())
        .isEqualTo(PipelinesFile.load(Path.of("../config/local.yml")).pipeline("events-json"));
    assertThat(request.batchId()).isEqualTo("orders-2026-11-24T10");
    assertThat(request.inputs()).hasSize(1);
  }
}
