package io.spectrumflow.starter.dashboard;

import java.util.List;
import java.util.Locale;

/** The pieces of a run both pages show: its status, its steps as bars, its Temporal UI link. */
final class RunMarkup {

  /** The SVG's own width; bars are scaled into it and the SVG stretched to its box. */
  private static final int WIDTH = 1000;

  private RunMarkup() {}

  /** {@code completed}, {@code running · upload}, {@code failed in dump}. */
  static void status(Html html, DashboardRun run) {
    String status = run.view().status();
    String detail = "";
    if (run.running() && run.view().progress() != null) {
      detail = " · " + run.view().progress().step();
    } else if (run.failedStep() != null) {
      detail = " in " + run.failedStep();
    }
    html.element(
        "span",
        status + detail,
        "class",
        "status status-" + status.toLowerCase(Locale.ROOT).replaceAll("[^a-z_]", ""),
        "data-status",
        status);
  }

  /** The steps one after another in one bar, each as long as it took; hover for name and time. */
  static void strip(Html html, List<TimelineStep> steps) {
    long total = Math.max(1, steps.stream().mapToLong(TimelineStep::millis).sum());
    html.open(
        "svg",
        "class",
        "strip",
        "viewBox",
        "0 0 " + WIDTH + " 10",
        "preserveAspectRatio",
        "none",
        "role",
        "img",
        "aria-label",
        describe(steps));
    long offset = 0;
    for (int i = 0; i < steps.size(); i++) {
      TimelineStep step = steps.get(i);
      bar(html, step, i, offset, total, 10);
      offset += step.millis();
    }
    html.close("svg");
  }

  /** One row per step: its name, a bar placed where it ran in the run, its duration. */
  static void timeline(Html html, List<TimelineStep> steps) {
    long total = Math.max(1, steps.stream().mapToLong(TimelineStep::millis).sum());
    html.open("table", "class", "timeline");
    html.markup("<thead><tr><th>step</th><th></th><th class=\"num\">took</th></tr></thead><tbody>");
    long offset = 0;
    for (int i = 0; i < steps.size(); i++) {
      TimelineStep step = steps.get(i);
      html.open("tr", "class", "step " + step.state().cssClass(), "data-step", step.name());
      html.element("th", step.name());
      html.open("td", "class", "bar");
      html.open(
          "svg", "viewBox", "0 0 " + WIDTH + " 12", "preserveAspectRatio", "none", "role", "none");
      bar(html, step, i, offset, total, 12);
      html.close("svg").close("td");
      html.element("td", took(step), "class", "num duration");
      html.close("tr");
      offset += step.millis();
    }
    html.markup("</tbody>").close("table");
  }

  /** A link to the run in the Temporal UI, when its base URL is configured. */
  static void temporalLink(Html html, DashboardRun run, TemporalUiLinks links, String label) {
    links
        .run(run.view().workflowId(), run.view().runId())
        .ifPresent(
            href ->
                html.element(
                    "a",
                    label,
                    "href",
                    href,
                    "class",
                    "temporal-link",
                    "target",
                    "_blank",
                    "rel",
                    "noopener noreferrer"));
  }

  static String took(TimelineStep step) {
    String took = Formats.millis(step.millis());
    return switch (step.state()) {
      case DONE -> took;
      case RUNNING -> took + " so far";
      case FAILED -> "failed after ≈ " + took;
    };
  }

  private static void bar(Html html, TimelineStep step, int index, long offset, long total, int h) {
    long x = offset * WIDTH / total;
    long width = Math.max(3, step.millis() * WIDTH / total);
    html.open(
        "rect",
        "x",
        x,
        "y",
        0,
        "width",
        width,
        "height",
        h,
        "class",
        step.state().cssClass() + " shade-" + index % 4);
    html.element("title", step.name() + ": " + took(step));
    html.close("rect");
  }

  private static String describe(List<TimelineStep> steps) {
    return steps.isEmpty()
        ? "no steps recorded"
        : String.join(", ", steps.stream().map(s -> s.name() + " " + took(s)).toList());
  }
}
