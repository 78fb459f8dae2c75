package io.spectrumflow.local.aws.glue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.spectrumflow.local.aws.http.AwsException;
import io.spectrumflow.local.aws.http.AwsJson;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class PartitionFilterTest {

  private static final JsonNode KEYS;

  static {
    var keys = AwsJson.MAPPER.createArrayNode();
    keys.addObject().put("Name", "date").put("Type", "string");
    keys.addObject().put("Name", "hour").put("Type", "int");
    KEYS = keys;
  }

  private static boolean matches(String expression, String date, String hour) {
    Predicate<List<String>> filter = PartitionFilter.parse(expression, KEYS);
    return filter.test(List.of(date, hour));
  }

  @Test
  void comparesStringsAndNumbersByTheKeyType() {
    assertThat(matches("date = '2026-11-24'", "2026-11-24", "1")).isTrue();
    assertThat(matches("date = '2026-11-24'", "2026-11-25", "1")).isFalse();
    assertThat(matches("hour > 9", "d", "10")).isTrue(); // numerically, not "10" < "9"
    assertThat(matches("hour <> 10", "d", "10")).isFalse();
  }

  @Test
  void supportsInBetweenLikeNotAndOrAndParentheses() {
    assertThat(matches("date in ('a', 'b')", "b", "0")).isTrue();
    assertThat(matches("date not in ('a', 'b')", "b", "0")).isFalse();
    assertThat(matches("hour between 1 and 3", "x", "2")).isTrue();
    assertThat(matches("date like '2026-11-%'", "2026-11-30", "0")).isTrue();
    assertThat(matches("(date = 'a' or date = 'b') and not hour = 1", "a", "2")).isTrue();
    assertThat(matches("`date` = 'it''s'", "it's", "0")).isTrue();
  }

  @Test
  void rejectsUnknownKeysAndBadSyntax() {
    assertThatThrownBy(() -> PartitionFilter.parse("month = 1", KEYS))
        .isInstanceOf(AwsException.class)
        .hasMessageContaining("month");
    assertThatThrownBy(() -> PartitionFilter.parse("date = ", KEYS))
        .isInstanceOf(AwsException.class);
    assertThatThrownBy(() -> PartitionFilter.parse("date = 'a' junk", KEYS))
        .isInstanceOf(AwsException.class);
  }
}
