package io.spectrumflow.starter.dashboard;

import io.spectrumflow.starter.runs.RunView;
import io.spectrumflow.workflows.export.ExportResult;
import java.util.List;

/**
 * {@code /dashboard/runs/{workflowId}}: one run with its failure, figures, step timeline and what
 * it wrote. Refreshes itself until the run has ended.
 */
final class RunPage {

  private static final int OBJECTS_SHOWN = 50;

  private RunPage() {}

  static String render(DashboardRun run, PageContext context) {
    RunView view = run.view();
    Html html = new Html();
    html.open("section", "id", "run", "data-workflow-id", view.workflowId());
    html.open("h1").text(OverviewPage.label(view)).markup(" ");
    RunMarkup.status(html, run);
    html.close("h1");
    RunMarkup.temporalLink(html, run, context.links(), "Open in the Temporal UI");

    html.markup("<dl class=\"facts\">");
    fact(html, "workflow id", view.workflowId());
    fact(html, "run id", view.runId());
    fact(html, "type", view.type());
    fact(html, "started", Formats.instant(view.startTime()));
    fact(html, "ended", view.closeTime() == null ? "not yet" : Formats.instant(view.closeTime()));
    fact(html, "took", OverviewPage.took(view, context.now()));
    html.markup("</dl>");

    if (view.failure() != null) {
      html.markup("<section id=\"failure\" class=\"failure\" role=\"alert\"><h2>");
      if (run.failedStep() != null) {
        html.markup("Failed in step ").element("code", run.failedStep(), "class", "failed-step");
      } else {
        html.text("Ended " + view.status());
      }
      html.markup("</h2>").element("pre", view.failure(), "class", "failure-message");
      html.markup("</section>");
    }

    figures(html, run);
    html.markup("<section id=\"timeline\"><h2>Steps</h2>");
    if (run.timeline().isEmpty()) {
      html.element("p", "No step has been recorded.", "class", "muted");
    } else {
      RunMarkup.timeline(html, run.timeline());
    }
    html.markup("</section>");
    if (view.result() != null) {
      written(html, view.result());
    }
    html.close("section");
    long refresh = run.running() ? context.settings().refresh().toMilliseconds() : 0;
    return PageFrame.page(context, OverviewPage.label(view), refresh, html);
  }

  /** A page for a workflow id with no run. */
  static String notFound(String workflowId, PageContext context) {
    Html html = new Html();
    html.markup("<section id=\"run\"><h1>No such run</h1><p>")
        .text("Temporal has no run with workflow id ")
        .element("code", workflowId)
        .markup(".</p></section>");
    return PageFrame.page(context, "No such run", 0, html);
  }

  private static void figures(Html html, DashboardRun run) {
    if (run.ended() != null) {
      writtenBeforeFailing(html, run);
      return;
    }
    if (run.rows() == null && run.files() == null && run.partitions().isEmpty()) {
      return; // nothing known: ended before writing, and no worker said otherwise
    }
    html.markup("<dl class=\"figures\">");
    ExportResult result = run.view().result();
    if (result != null) {
      fact(html, "rows written", Formats.count(result.rowsWritten()), "rows-written");
      fact(html, "rows verified", Formats.count(result.rowsVerified()), "rows");
    } else {
      fact(html, "rows", Formats.count(run.rows()), "rows");
    }
    fact(html, "files", Formats.count(run.files()), "files");
    fact(html, "bytes", Formats.bytes(run.bytes()), "bytes");
    List<String> partitions = run.partitions();
    fact(html, "partitions", String.join(", ", partitions), "partitions");
    html.markup("</dl>");
  }

  /** A failed run's figures, as its progress had them when it failed. */
  private static void writtenBeforeFailing(Html html, DashboardRun run) {
    if (run.ended().files() == 0) {
      return;
    }
    html.markup("<dl class=\"figures\">");
    fact(html, "rows written", Formats.count(run.ended().rows()), "rows");
    fact(html, "files", Formats.count(run.ended().files()), "files");
    fact(html, "bytes", Formats.bytes(run.ended().bytes()), "bytes");
    html.markup("</dl>");
    boolean rolledBack = run.timeline().stream().anyMatch(step -> step.name().equals("rollback"));
    html.element(
        "p",
        rolledBack
            ? "Written before the failure; the rollback removed these objects again."
            : "Written before the failure.",
        "class",
        "muted");
  }

  private static void written(Html html, ExportResult result) {
    html.markup("<section id=\"written\"><h2>Written</h2><dl class=\"facts\">");
    fact(html, "Glue table", result.glueDatabase() + "." + result.glueTable());
    html.markup("</dl>");
    List<String> keys = result.s3Keys() == null ? List.of() : result.s3Keys();
    html.markup("<ul class=\"objects\">");
    keys.stream()
        .limit(OBJECTS_SHOWN)
        .forEach(key -> html.open("li").element("code", key).close("li"));
    if (keys.size() > OBJECTS_SHOWN) {
      html.element("li", "and " + (keys.size() - OBJECTS_SHOWN) + " more", "class", "muted");
    }
    html.markup("</ul>");
    if (result.ddl() != null) {
      html.element("h3", "DDL applied").element("pre", result.ddl(), "class", "ddl");
    }
    html.markup("</section>");
  }

  private static void fact(Html html, String name, String value) {
    fact(html, name, value, null);
  }

  private static void fact(Html html, String name, String value, String cssClass) {
    html.element("dt", name).element("dd", value, "class", cssClass);
  }
}
