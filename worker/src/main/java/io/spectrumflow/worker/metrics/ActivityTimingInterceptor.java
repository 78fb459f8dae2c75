package io.spectrumflow.worker.metrics;

import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Times every activity execution (each attempt) into the Timer {@code
 * spectrumflow.activity.<ActivityType>} and marks the Meter {@code
 * spectrumflow.activity.<ActivityType>.failures} when one throws, so each step's duration and
 * failure rate show on the admin {@code /metrics} page.
 */
public final class ActivityTimingInterceptor extends WorkerInterceptorBase {

  private static final String PREFIX = "spectrumflow.activity.";

  private final MetricRegistry metrics;

  public ActivityTimingInterceptor(MetricRegistry metrics) {
    this.metrics = metrics;
  }

  /** The timer of an activity type's executions. */
  public static String timerName(String activityType) {
    return PREFIX + activityType;
  }

  /** The meter of an activity type's failed executions. */
  public static String failuresName(String activityType) {
    return PREFIX + activityType + ".failures";
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new TimedActivity(next);
  }

  private final class TimedActivity extends ActivityInboundCallsInterceptorBase {
    private String activityType;

    TimedActivity(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      activityType = context.getInfo().getActivityType();
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      Timer.Context timing = metrics.timer(timerName(activityType)).time();
      try {
        return super.execute(input);
      } catch (RuntimeException | Error e) {
        metrics.meter(failuresName(activityType)).mark();
        throw e;
      } finally {
        timing.stop();
      }
    }
  }
}
