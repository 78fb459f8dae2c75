package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.runs.RunView;
import java.time.Instant;
import java.util.List;

/** {@code /}: the pipelines with their schedules and latest runs, then the recent runs. */
final class OverviewPage {

  private static final int PARTITIONS_SHOWN = 3;

  private OverviewPage() {}

  static String render(Overview overview, PageContext context) {
    Html html = new Html();
    if (overview.unavailable() != null) {
      html.element("p", overview.unavailable(), "class", "unavailable", "role", "alert");
    }
    pipelines(html, overview.pipelines(), context);
    runs(html, overview.runs(), context);
    long refresh =
        overview.live()
            ? context.settings().refresh().toMilliseconds()
            : context.settings().idleRefresh().toMilliseconds();
    return PageFrame.page(context, "Runs", refresh, html);
  }

  private static void pipelines(Html html, List<PipelineRow> rows, PageContext context) {
    html.markup("<section id=\"pipelines\"><h2>Pipelines</h2><table><thead><tr>")
        .markup("<th>pipeline</th><th>format</th><th>Glue table</th><th>schedule</th>")
        .markup("<th>last run</th></tr></thead><tbody>");
    for (PipelineRow row : rows) {
      html.open("tr", "data-pipeline", row.name());
      html.element("td", row.name(), "class", "name");
      html.element("td", row.format());
      html.element("td", row.table());
      html.open("td", "class", "schedule");
      if (row.schedule() == null) {
        html.element("span", "none", "class", "muted");
      } else {
        html.element("code", row.schedule());
      }
      if (row.scheduleState() != null) {
        html.markup(" ").element("span", row.scheduleState(), "class", "muted");
      }
      html.close("td");
      html.open("td", "class", "last-run");
      if (row.lastRun() == null) {
        html.element("span", "no run yet", "class", "muted");
      } else {
        RunMarkup.status(html, row.lastRun());
        html.markup(" ")
            .element(
                "a",
                Formats.instant(row.lastRun().view().startTime()),
                "href",
                context.runPage(row.lastRun().view().workflowId()));
      }
      html.close("td").close("tr");
    }
    html.markup("</tbody></table></section>");
  }

  private static void runs(Html html, List<DashboardRun> runs, PageContext context) {
    html.markup("<section id=\"runs\"><h2>Recent runs</h2>");
    if (runs.isEmpty()) {
      html.markup("<p class=\"muted\">No runs yet. Post a batch to ")
          .element("code", "/pipelines/{name}/batches")
          .markup(", or start one with ")
          .element("code", "spectrumflow run")
          .markup(".</p></section>");
      return;
    }
    html.markup("<table><thead><tr><th>run</th><th>status</th><th>started</th>")
        .markup("<th class=\"num\">took</th><th class=\"num\">rows</th>")
        .markup("<th class=\"num\">files</th><th class=\"num\">bytes</th><th>partitions</th>")
        .markup("<th>steps</th><th></th></tr></thead><tbody>");
    for (DashboardRun run : runs) {
      RunView view = run.view();
      html.open("tr", "class", "run", "data-workflow-id", view.workflowId());
      html.open("td", "class", "id")
          .element("a", label(view), "href", context.runPage(view.workflowId()))
          .close("td");
      html.open("td");
      RunMarkup.status(html, run);
      html.close("td");
      html.element("td", Formats.instant(view.startTime()), "class", "started");
      html.element("td", took(view, context.now()), "class", "num");
      html.element("td", Formats.count(run.rows()), "class", "num rows");
      html.element("td", Formats.count(run.files()), "class", "num files");
      html.element("td", Formats.bytes(run.bytes()), "class", "num bytes", "title", run.bytes());
      html.element("td", partitions(run.partitions()), "class", "partitions");
      html.open("td", "class", "steps");
      RunMarkup.strip(html, run.timeline());
      html.close("td");
      html.open("td");
      RunMarkup.temporalLink(html, run, context.links(), "Temporal");
      html.close("td");
      html.close("tr");
    }
    html.markup("</tbody></table></section>");
  }

  /** {@code events / api-2026-11-24...}: the pipeline and batch, or the workflow id. */
  static String label(RunView view) {
    return view.pipeline() != null && view.batchId() != null
        ? view.pipeline() + " / " + view.batchId()
        : view.workflowId();
  }

  static String took(RunView view, Instant now) {
    if (view.startTime() == null) {
      return "";
    }
    Instant end = view.closeTime() == null ? now : Instant.parse(view.closeTime());
    return Formats.millis(
        Math.max(0, end.toEpochMilli() - Instant.parse(view.startTime()).toEpochMilli()));
  }

  private static String partitions(List<String> partitions) {
    if (partitions.size() <= PARTITIONS_SHOWN) {
      return String.join(", ", partitions);
    }
    return String.join(", ", partitions.subList(0, PARTITIONS_SHOWN))
        + " (+"
        + (partitions.size() - PARTITIONS_SHOWN)
        + ")";
  }
}
