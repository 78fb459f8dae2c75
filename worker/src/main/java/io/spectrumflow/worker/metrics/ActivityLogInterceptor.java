package io.spectrumflow.worker.metrics;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per activity execution: which step of which run, which attempt, how long, and how it
 * ended. The SDK logs a failure's stack trace itself; this says what happened in one line.
 */
public final class ActivityLogInterceptor extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(ActivityLogInterceptor.class);

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new LoggedActivity(next);
  }

  private static final class LoggedActivity extends ActivityInboundCallsInterceptorBase {
    private ActivityInfo info;

    LoggedActivity(ActivityInboundCallsInterceptor next) {
      super(next);
    }

    @Override
    public void init(ActivityExecutionContext context) {
      info = context.getInfo();
      super.init(context);
    }

    @Override
    public ActivityOutput execute(ActivityInput input) {
      long started = System.nanoTime();
      try {
        ActivityOutput output = super.execute(input);
        log.info(
            "{} of {} (attempt {}) done in {} ms",
            info.getActivityType(),
            info.getWorkflowId(),
            info.getAttempt(),
            millisSince(started));
        return output;
      } catch (RuntimeException | Error e) {
        log.info(
            "{} of {} (attempt {}) failed after {} ms: {}",
            info.getActivityType(),
            info.getWorkflowId(),
            info.getAttempt(),
            millisSince(started),
            e.getMessage());
        throw e;
      }
    }

    private static long millisSince(long started) {
      return (System.nanoTime() - started) / 1_000_000;
    }
  }
}
