package io.spectrumflow.local.aws.glue.crawler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GlueTypesTest {

  private static ParquetField primitive(String physical, String converted, String logical) {
    return new ParquetField("c", physical, "OPTIONAL", converted, logical, 0, 0, List.of());
  }

  private static ParquetField group(
      String name, String converted, String repetition, ParquetField... children) {
    return new ParquetField(name, null, repetition, converted, null, 0, 0, List.of(children));
  }

  @Test
  void timestampsFollowTheUtcFlag() {
    assertThat(
            GlueTypes.of(
                primitive(
                    "INT64",
                    "TIMESTAMP_MILLIS",
                    "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=MilliSeconds(), MICROS=<null>, NANOS=<null>))")))
        .isEqualTo("timestamp");
    assertThat(
            GlueTypes.of(
                primitive(
                    "INT64",
                    null,
                    "TimestampType(isAdjustedToUTC=1, unit=TimeUnit(MILLIS=<null>, MICROS=<null>, NANOS=NanoSeconds()))")))
        .isEqualTo("bigint");
    assertThat(GlueTypes.of(primitive("INT64", "TIMESTAMP_MICROS", null))).isEqualTo("timestamp");
    assertThat(GlueTypes.of(primitive("INT96", null, null))).isEqualTo("timestamp");
  }

  @Test
  void smallIntegersAndNestedTypes() {
    assertThat(GlueTypes.of(primitive("INT32", "INT_16", null))).isEqualTo("smallint");
    assertThat(GlueTypes.of(primitive("INT32", "INT_8", null))).isEqualTo("tinyint");
    assertThat(GlueTypes.of(primitive("FIXED_LEN_BYTE_ARRAY", null, null))).isEqualTo("binary");
    ParquetField element =
        new ParquetField("element", "INT32", "OPTIONAL", null, null, 0, 0, List.of());
    assertThat(
            GlueTypes.of(group("xs", "LIST", "OPTIONAL", group("list", null, "REPEATED", element))))
        .isEqualTo("array<int>");
    ParquetField key =
        new ParquetField("key", "BYTE_ARRAY", "REQUIRED", "UTF8", null, 0, 0, List.of());
    ParquetField value =
        new ParquetField("value", "DOUBLE", "OPTIONAL", null, null, 0, 0, List.of());
    assertThat(
            GlueTypes.of(
                group("m", "MAP", "OPTIONAL", group("key_value", null, "REPEATED", key, value))))
        .isEqualTo("map<string,double>");
    assertThat(GlueTypes.of(group("s", null, "OPTIONAL", key, value)))
        .isEqualTo("struct<key:string,value:double>");
  }

  @Test
  void mergedTypesWiden() {
    assertThat(GlueTypes.merge("int", "bigint")).isEqualTo("bigint");
    assertThat(GlueTypes.merge("float", "double")).isEqualTo("double");
    assertThat(GlueTypes.merge("string", "bigint")).isEqualTo("string");
  }
}
