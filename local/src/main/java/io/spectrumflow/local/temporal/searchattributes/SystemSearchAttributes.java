package io.spectrumflow.local.temporal.searchattributes;

import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_BOOL;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DATETIME;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_DOUBLE;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_INT;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST;
import static io.temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_TEXT;

import io.temporal.api.enums.v1.IndexedValueType;
import java.util.Map;

/** The search attributes a Temporal server defines itself, and the ones a dev server adds. */
public final class SystemSearchAttributes {

  /** Set by the scheduler on the workflows it starts: the action's nominal time. */
  public static final String SCHEDULED_START_TIME = "TemporalScheduledStartTime";

  /** Set by the scheduler on the workflows it starts: the schedule's id. */
  public static final String SCHEDULED_BY_ID = "TemporalScheduledById";

  /** Every system attribute a query may name. */
  public static final Map<String, IndexedValueType> ALL =
      Map.ofEntries(
          Map.entry("WorkflowId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("RunId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("WorkflowType", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("StartTime", INDEXED_VALUE_TYPE_DATETIME),
          Map.entry("CloseTime", INDEXED_VALUE_TYPE_DATETIME),
          Map.entry("ExecutionTime", INDEXED_VALUE_TYPE_DATETIME),
          Map.entry("ExecutionStatus", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("ExecutionDuration", INDEXED_VALUE_TYPE_INT),
          Map.entry("HistoryLength", INDEXED_VALUE_TYPE_INT),
          Map.entry("HistorySizeBytes", INDEXED_VALUE_TYPE_INT),
          Map.entry("StateTransitionCount", INDEXED_VALUE_TYPE_INT),
          Map.entry("TaskQueue", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("ParentWorkflowId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("ParentRunId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("RootWorkflowId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("RootRunId", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("TemporalChangeVersion", INDEXED_VALUE_TYPE_KEYWORD_LIST),
          Map.entry("BinaryChecksums", INDEXED_VALUE_TYPE_KEYWORD_LIST),
          Map.entry("BuildIds", INDEXED_VALUE_TYPE_KEYWORD_LIST),
          Map.entry("BatcherUser", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry(SCHEDULED_START_TIME, INDEXED_VALUE_TYPE_DATETIME),
          Map.entry(SCHEDULED_BY_ID, INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("TemporalSchedulePaused", INDEXED_VALUE_TYPE_BOOL),
          Map.entry("TemporalNamespaceDivision", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("TemporalWorkerDeployment", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("TemporalWorkerDeploymentVersion", INDEXED_VALUE_TYPE_KEYWORD),
          Map.entry("TemporalWorkflowVersioningBehavior", INDEXED_VALUE_TYPE_KEYWORD));

  /** The custom attributes the test server (like {@code temporal server start-dev}) starts with. */
  static final Map<String, IndexedValueType> PREDEFINED_CUSTOM =
      Map.of(
          "CustomStringField", INDEXED_VALUE_TYPE_TEXT,
          "CustomTextField", INDEXED_VALUE_TYPE_TEXT,
          "CustomKeywordField", INDEXED_VALUE_TYPE_KEYWORD,
          "CustomIntField", INDEXED_VALUE_TYPE_INT,
          "CustomDoubleField", INDEXED_VALUE_TYPE_DOUBLE,
          "CustomBoolField", INDEXED_VALUE_TYPE_BOOL,
          "CustomDatetimeField", INDEXED_VALUE_TYPE_DATETIME);

  /**
   * System attributes workflows carry as search attributes, which the test server only accepts once
   * registered (it knows TemporalChangeVersion already).
   */
  static final Map<String, IndexedValueType> CARRIED_BY_WORKFLOWS =
      Map.of(
          SCHEDULED_START_TIME,
          INDEXED_VALUE_TYPE_DATETIME,
          SCHEDULED_BY_ID,
          INDEXED_VALUE_TYPE_KEYWORD,
          "BuildIds",
          INDEXED_VALUE_TYPE_KEYWORD_LIST,
          "BatcherUser",
          INDEXED_VALUE_TYPE_KEYWORD);

  private SystemSearchAttributes() {}

  /** Names a user may not register: the system's, and anything with its prefix. */
  static boolean isReserved(String name) {
    return ALL.containsKey(name) || name.startsWith("Temporal");
  }
}
