package io.spectrumflow.workflows.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExportWorkflowIdsTest {

  @Test
  void batchesOfPipelinesWhoseNamesOverlapHaveDifferentIds() {
    // the shipped configuration has events beside events-json, events-daily and events-seed
    assertThat(ExportWorkflowIds.of("events", "json-x"))
        .isNotEqualTo(ExportWorkflowIds.of("events-json", "x"));
    assertThat(ExportWorkflowIds.of("events", "daily-2026-11-01"))
        .isNotEqualTo(ExportWorkflowIds.of("events-daily", "2026-11-01"));
  }

  @Test
  void theIdNamesPipelineAndBatchUnambiguously() {
    assertThat(ExportWorkflowIds.of("events-json", "x.y_z-1"))
        .isEqualTo("export:events-json:x.y_z-1");
  }

  @Test
  void aNewIdIsNeverALegacyId() {
    // legacy ids collide, which is why a legacy run is only accepted when it records its batch
    assertThat(ExportWorkflowIds.legacyOf("events", "json-x"))
        .isEqualTo(ExportWorkflowIds.legacyOf("events-json", "x"))
        .isEqualTo("export-events-json-x");
    assertThat(ExportWorkflowIds.of("events", "json-x")).doesNotStartWith("export-");
  }
}
