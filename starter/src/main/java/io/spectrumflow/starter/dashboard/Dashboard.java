package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.config.Pipelines;
import io.spectrumflow.starter.runs.ProgressQuery;
import io.spectrumflow.starter.runs.RunLookup;
import io.spectrumflow.starter.schedules.PipelineSchedules;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the dashboard's pages show, gathered from the configuration and Temporal. */
public final class Dashboard {

  private static final Logger log = LoggerFactory.getLogger(Dashboard.class);

  private final DashboardSettings settings;
  private final TemporalUiLinks links;
  private final RunBoard runs;
  private final PipelineOverview pipelines;
  private final Clock clock;

  /**
   * @param temporalUiUrl the Temporal UI's base URL for links, or null for none
   * @throws IllegalArgumentException when the URL is not an http(s) URL
   */
  public Dashboard(
      Pipelines pipelines,
      PipelineSchedules schedules,
      RunLookup lookup,
      WorkflowClient client,
      DashboardSettings settings,
      String temporalUiUrl,
      Clock clock) {
    this.settings = settings;
    this.links = new TemporalUiLinks(temporalUiUrl, client.getOptions().getNamespace());
    this.runs = new RunBoard(lookup, new ProgressQuery(client), clock);
    this.pipelines = new PipelineOverview(pipelines, schedules, runs);
    this.clock = clock;
  }

  Overview overview() {
    try {
      List<DashboardRun> recent = runs.recent(settings.runs());
      return new Overview(pipelines.rows(recent), recent, null);
    } catch (RuntimeException e) {
      log.warn("dashboard: could not list runs: {}", e.toString());
      return new Overview(
          pipelines.configured(),
          List.of(),
          "Runs cannot be shown: Temporal did not answer (" + e.getMessage() + ").");
    }
  }

  Optional<DashboardRun> run(String workflowId) {
    return runs.run(workflowId);
  }

  /**
   * @param base the application's path, ending in a slash
   */
  PageContext context(String base) {
    return new PageContext(base, links, settings, clock.instant());
  }
}
