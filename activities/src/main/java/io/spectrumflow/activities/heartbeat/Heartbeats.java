package io.spectrumflow.activities.heartbeat;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats for an activity while a piece of its work runs (calls that may take long but report no
 * progress of their own: downloads, Glue batch calls, S3 deletes). Temporal then notices within the
 * heartbeat timeout when the worker running it died, instead of waiting out start-to-close.
 */
public final class Heartbeats {

  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "activity-heartbeats");
            thread.setDaemon(true);
            return thread;
          });

  private Heartbeats() {}

  /** Runs {@code work} on this (activity) thread, heartbeating every third of the timeout. */
  public static <T> T during(Supplier<T> work) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    Duration timeout = context.getInfo().getHeartbeatTimeout();
    if (timeout == null || timeout.isZero()) {
      return work.get();
    }
    long every = Math.max(200, timeout.toMillis() / 3);
    ScheduledFuture<?> beats =
        TIMER.scheduleAtFixedRate(() -> beat(context), 0, every, TimeUnit.MILLISECONDS);
    try {
      return work.get();
    } finally {
      beats.cancel(false);
    }
  }

  private static void beat(ActivityExecutionContext context) {
    try {
      context.heartbeat(null);
    } catch (ActivityCompletionException cancelledOrGone) {
      // The activity's own thread finds out at its next heartbeat or when it completes.
    } catch (RuntimeException e) {
      // Never let a heartbeat problem stop the timer for other activities.
    }
  }
}
