package io.spectrumflow.workflows.export;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.testing.TestWorkflowEnvironment;

/** Registers Spectrumflow's search attributes with a test environment, as an operator would. */
final class ExportSearchAttributesRegistration {

  private ExportSearchAttributesRegistration() {}

  static void register(TestWorkflowEnvironment env) {
    env.registerSearchAttribute(
        ExportSearchAttributes.PIPELINE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        ExportSearchAttributes.BATCH_ID.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    env.registerSearchAttribute(
        ExportSearchAttributes.PARTITION_DATES.getName(),
        IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST);
    env.registerSearchAttribute(
        ExportSearchAttributes.ROWS.getName(), IndexedValueType.INDEXED_VALUE_TYPE_INT);
  }
}
