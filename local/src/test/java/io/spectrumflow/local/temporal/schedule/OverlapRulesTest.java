package io.spectrumflow.local.temporal.schedule;

import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_ALLOW_ALL;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ALL;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_BUFFER_ONE;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER;
import static io.temporal.api.enums.v1.ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_UNSPECIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapRulesTest {

  private static final BufferedStart ONE = due(1);
  private static final BufferedStart TWO = due(2);
  private static final BufferedStart THREE = due(3);

  private static BufferedStart due(long time) {
    return new BufferedStart(time, time, SCHEDULE_OVERLAP_POLICY_UNSPECIFIED, false);
  }

  private static OverlapRules.Decision decide(boolean running, ScheduleOverlapPolicy policy) {
    return OverlapRules.decide(List.of(ONE, TWO, THREE), running, policy);
  }

  @Test
  void skipStartsOneAndSkipsTheRest() {
    OverlapRules.Decision idle = decide(false, SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(idle.start()).containsExactly(ONE);
    assertThat(idle.skipped()).isEqualTo(2);

    OverlapRules.Decision busy = decide(true, SCHEDULE_OVERLAP_POLICY_UNSPECIFIED);
    assertThat(busy.start()).isEmpty();
    assertThat(busy.keep()).isEmpty();
    assertThat(busy.skipped()).isEqualTo(3);
  }

  @Test
  void bufferOneKeepsOne() {
    OverlapRules.Decision idle = decide(false, SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);
    assertThat(idle.start()).containsExactly(ONE);
    assertThat(idle.keep()).containsExactly(TWO);
    assertThat(idle.skipped()).isEqualTo(1);

    OverlapRules.Decision later =
        OverlapRules.decide(idle.keep(), false, SCHEDULE_OVERLAP_POLICY_BUFFER_ONE);
    assertThat(later.start()).containsExactly(TWO);
  }

  @Test
  void bufferAllKeepsAll() {
    OverlapRules.Decision busy = decide(true, SCHEDULE_OVERLAP_POLICY_BUFFER_ALL);
    assertThat(busy.keep()).containsExactly(ONE, TWO, THREE);
    assertThat(busy.skipped()).isZero();
  }

  @Test
  void allowAllStartsEverything() {
    assertThat(decide(true, SCHEDULE_OVERLAP_POLICY_ALLOW_ALL).start())
        .containsExactly(ONE, TWO, THREE);
  }

  @Test
  void cancelAndTerminateOtherKeepTheLatestAndEndTheRunning() {
    OverlapRules.Decision cancel = decide(true, SCHEDULE_OVERLAP_POLICY_CANCEL_OTHER);
    assertThat(cancel.keep()).containsExactly(THREE);
    assertThat(cancel.cancelRunning()).isTrue();
    assertThat(cancel.terminateRunning()).isFalse();

    OverlapRules.Decision terminate = decide(true, SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER);
    assertThat(terminate.terminateRunning()).isTrue();

    OverlapRules.Decision idle = decide(false, SCHEDULE_OVERLAP_POLICY_TERMINATE_OTHER);
    assertThat(idle.start()).containsExactly(ONE);
    assertThat(idle.keep()).containsExactly(THREE);
    assertThat(idle.terminateRunning()).isFalse();
  }

  @Test
  void anActionsOwnPolicyWins() {
    BufferedStart triggered = new BufferedStart(4, 4, SCHEDULE_OVERLAP_POLICY_ALLOW_ALL, true);
    OverlapRules.Decision decision =
        OverlapRules.decide(List.of(triggered), true, SCHEDULE_OVERLAP_POLICY_SKIP);
    assertThat(decision.start()).containsExactly(triggered);
  }
}
