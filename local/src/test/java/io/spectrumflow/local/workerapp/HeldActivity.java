package io.spectrumflow.local.workerapp;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every execution of one activity type for a while before it runs, so that a test can stop
 * the worker while it is in flight; says when one started and how it ended.
 */
final class HeldActivity extends WorkerInterceptorBase {

  private final String activityType;
  private final Duration hold;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile Throwable failure;

  HeldActivity(String activityType, Duration hold) {
    this.activityType = activityType;
    this.hold = hold;
  }

  boolean awaitStarted(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether an execution has ended, and without an exception (an interrupt, say). */
  boolean endedNormally() {
    return ended.getCount() == 0 && failure == null;
  }

  Throwable failure() {
    return failure;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private boolean held;

      @Override
      public void init(ActivityExecutionContext context) {
        held = context.getInfo().getActivityType().equals(activityType);
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        if (!held) {
          return super.execute(input);
        }
        started.countDown();
        try {
          Thread.sleep(hold.toMillis());
          return super.execute(input);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = e;
          throw new IllegalStateException(activityType + " interrupted while held", e);
        } catch (RuntimeException | Error e) {
          failure = e;
          throw e;
        } finally {
          ended.countDown();
        }
      }
    };
  }
}
