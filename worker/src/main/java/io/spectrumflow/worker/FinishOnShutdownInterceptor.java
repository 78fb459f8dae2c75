package io.spectrumflow.worker;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityWorkerShutdownException;
import io.temporal.common.interceptors.ActivityExecutionContextBase;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lets running activities finish when the worker stops gracefully. Once the worker is shutting
 * down, the SDK stops sending heartbeats and makes {@code heartbeat()} throw {@link
 * ActivityWorkerShutdownException}; our activities heartbeat as they go, so without this they would
 * fail at their next heartbeat and a half-done dump would be thrown away. Here the exception is
 * ignored and the activity runs on for the grace period. Heartbeats are no longer sent, so a grace
 * period longer than an activity's heartbeat timeout does not help it: the server then retries it
 * elsewhere and this completion is discarded.
 */
final class FinishOnShutdownInterceptor extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(FinishOnShutdownInterceptor.class);

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      @Override
      public void init(ActivityExecutionContext context) {
        super.init(new ShutdownTolerantContext(context));
      }
    };
  }

  private static final class ShutdownTolerantContext extends ActivityExecutionContextBase {
    private final AtomicBoolean told = new AtomicBoolean();

    ShutdownTolerantContext(ActivityExecutionContext next) {
      super(next);
    }

    @Override
    public <V> void heartbeat(V details) {
      try {
        super.heartbeat(details);
      } catch (ActivityWorkerShutdownException e) {
        if (told.compareAndSet(false, true)) {
          log.info(
              "worker stopping: {} of {} runs on to finish within the grace period",
              getInfo().getActivityType(),
              getInfo().getWorkflowId());
        }
      }
    }
  }
}
