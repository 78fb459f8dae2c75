package io.spectrumflow.activities.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.spectrumflow.activities.support.Pipelines;
import io.spectrumflow.workflows.pipeline.KeyLayout;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.Test;

class ObjectKeysTest {

  private final ObjectKeys hive =
      new ObjectKeys(Pipelines.events(KeyLayout.HIVE), "b-1", "2020-02-19T08:54:13.443244Z");
  private final ObjectKeys legacy =
      new ObjectKeys(Pipelines.events(KeyLayout.LEGACY), "b-1", "2020-02-19T08:54:13.443244Z");

  @Test
  void hiveKeysNameThePartitionColumnAndTheBatch() {
    assertThat(hive.key("2026-11-24", 0))
        .isEqualTo("exports/events/date=2026-11-24/b-1-00000.parquet");
    assertThat(hive.key("2026-11-24", 12))
        .isEqualTo("exports/events/date=2026-11-24/b-1-00012.parquet");
  }

  @Test
  void legacyKeysAreTheDateFolderAndTheBatchTime() {
    assertThat(legacy.key("2020-02-19", 0))
        .isEqualTo("exports/events/2020-02-19/08:54:13.443244.parquet");
    assertThat(legacy.key("2020-02-19", 1))
        .isEqualTo("exports/events/2020-02-19/08:54:13.443244-1.parquet");
  }

  @Test
  void recognisesOnlyThisBatchsKeys() {
    String partition = "2026-11-24";
    assertThat(hive.isBatchKey(partition, "exports/events/date=2026-11-24/b-1-00003.parquet"))
        .isTrue();
    // a batch whose id starts with this one's is another batch
    assertThat(hive.isBatchKey(partition, "exports/events/date=2026-11-24/b-1-2-00000.parquet"))
        .isFalse();
    assertThat(hive.isBatchKey(partition, "exports/events/date=2026-11-24/b-10-00000.parquet"))
        .isFalse();
    assertThat(hive.isBatchKey(partition, "exports/events/date=2026-11-23/b-1-00000.parquet"))
        .isFalse();
  }

  @Test
  void chunksOfABatchNumberTheirFilesInRangesOfTheirOwn() {
    String partition = "2026-11-24";
    assertThat(hive.key(partition, 20_003))
        .isEqualTo("exports/events/date=2026-11-24/b-1-20003.parquet");
    assertThat(hive.isBatchKey(partition, "exports/events/date=2026-11-24/b-1-20003.parquet"))
        .isTrue();
    assertThat(hive.isChunkKey(partition, "exports/events/date=2026-11-24/b-1-20003.parquet", 2))
        .isTrue();
    assertThat(hive.isChunkKey(partition, "exports/events/date=2026-11-24/b-1-20003.parquet", 0))
        .isFalse();
    assertThat(hive.isChunkKey(partition, "exports/events/date=2026-11-24/b-1-00007.parquet", 0))
        .isTrue();
    assertThat(
            legacy.isChunkKey(
                "2020-02-19", "exports/events/2020-02-19/08:54:13.443244-10001.parquet", 1))
        .isTrue();
  }

  @Test
  void refusesPartitionValuesThatAreNotDates() {
    for (String value : new String[] {"../x", "2026-11-24/../../etc", "%2F", "", "2026-1-1"}) {
      assertThatThrownBy(() -> hive.key(value, 0))
          .isInstanceOf(ApplicationFailure.class)
          .hasMessageContaining("is not a yyyy-MM-dd date");
    }
  }

  @Test
  void refusesBatchIdsThatCouldLeaveThePrefix() {
    assertThatThrownBy(
            () -> new ObjectKeys(Pipelines.events(KeyLayout.HIVE), "../b", "2026-11-24T00:00:00Z"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batch id '../b' is not valid");
  }
}
