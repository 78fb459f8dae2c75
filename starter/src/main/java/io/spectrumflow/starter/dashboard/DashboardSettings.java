package io.spectrumflow.starter.dashboard;

import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.TimeUnit;

/**
 * The {@code starter.dashboard:} section.
 *
 * @param refresh how often an open page refreshes itself while runs are going
 * @param idleRefresh how often the overview refreshes itself while none is, to show new runs
 * @param runs how many recent runs the overview lists
 */
public record DashboardSettings(
    @MinDuration(value = 200, unit = TimeUnit.MILLISECONDS) Duration refresh,
    @MinDuration(value = 200, unit = TimeUnit.MILLISECONDS) Duration idleRefresh,
    @Min(1) @Max(200) int runs) {

  public static final DashboardSettings DEFAULTS =
      new DashboardSettings(Duration.seconds(2), Duration.seconds(30), 25);

  public DashboardSettings {
    refresh = refresh == null ? Duration.seconds(2) : refresh;
    idleRefresh = idleRefresh == null ? Duration.seconds(30) : idleRefresh;
    runs = runs == 0 ? 25 : runs;
  }
}
