package io.spectrumflow.worker.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.codahale.metrics.MetricRegistry;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every activity execution lands in its type's timer; a failed one also in its failure meter. */
class ActivityTimingInterceptorTest {

  private static final String QUEUE = "timing-test";

  private final MetricRegistry metrics = new MetricRegistry();
  private TestWorkflowEnvironment env;

  @BeforeEach
  void start() {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(
                            new ActivityTimingInterceptor(metrics), new ActivityLogInterceptor())
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(StepsImpl.class);
    worker.registerActivitiesImplementations(new StepActivitiesImpl());
    env.start();
  }

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void timesEachExecutionByActivityType() {
    run(false);
    run(false);

    assertThat(metrics.timer(ActivityTimingInterceptor.timerName("Slow")).getCount()).isEqualTo(2);
    assertThat(metrics.timer("spectrumflow.activity.Quick").getCount()).isEqualTo(2);
    assertThat(metrics.timer("spectrumflow.activity.Slow").getSnapshot().getMin())
        .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    assertThat(metrics.getMeters()).doesNotContainKey("spectrumflow.activity.Quick.failures");
  }

  @Test
  void countsFailuresByActivityType() {
    assertThatThrownBy(() -> run(true)).isInstanceOf(WorkflowFailedException.class);

    // Two attempts of Quick: the first fails and is retried, the second fails for good.
    assertThat(metrics.timer("spectrumflow.activity.Quick").getCount()).isEqualTo(2);
    assertThat(metrics.meter(ActivityTimingInterceptor.failuresName("Quick")).getCount())
        .isEqualTo(2);
  }

  private void run(boolean fail) {
    env.getWorkflowClient()
        .newWorkflowStub(Steps.class, WorkflowOptions.newBuilder().setTaskQueue(QUEUE).build())
        .run(fail);
  }

  @WorkflowInterface
  public interface Steps {
    @WorkflowMethod
    void run(boolean fail);
  }

  @ActivityInterface
  public interface StepActivities {
    void slow();

    void quick(boolean fail);
  }

  public static class StepsImpl implements Steps {
    private final StepActivities steps =
        Workflow.newActivityStub(
            StepActivities.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(
                    RetryOptions.newBuilder()
                        .setMaximumAttempts(2)
                        .setInitialInterval(Duration.ofMillis(10))
                        .build())
                .build());

    @Override
    public void run(boolean fail) {
      if (!fail) {
        steps.slow();
      }
      steps.quick(fail);
    }
  }

  public static class StepActivitiesImpl implements StepActivities {
    @Override
    public void slow() {
      try {
        Thread.sleep(25);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void quick(boolean fail) {
      if (fail) {
        throw ApplicationFailure.newFailure("asked to fail", "Asked");
      }
    }
  }
}
