package io.spectrumflow.starter.dashboard;

/**
 * The page around each page's content: styles and script from the starter itself (no CDN), the
 * header, and the refresh interval the script reads from {@code <main>}.
 */
final class PageFrame {

  private PageFrame() {}

  /**
   * @param refreshMillis when the script should fetch the page again; 0 for never
   */
  static String page(PageContext context, String title, long refreshMillis, Html content) {
    Html html = new Html();
    html.markup("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .element("title", title + " · Spectrumflow")
        .open(
            "link", "rel", "stylesheet", "href", context.base() + "dashboard/assets/dashboard.css")
        .open("script", "src", context.base() + "dashboard/assets/dashboard.js", "defer", "defer")
        .close("script")
        .markup("</head><body><header>")
        .element("a", "Spectrumflow", "href", context.base(), "class", "brand")
        .markup("<nav>")
        .element("a", "Runs", "href", context.base());
    context
        .links()
        .workflows()
        .ifPresent(
            href ->
                html.element(
                    "a", "Temporal UI", "href", href, "target", "_blank", "rel", "noopener"));
    html.markup("</nav><span id=\"refresh-state\" aria-live=\"polite\"></span></header>")
        .open(
            "main",
            "data-refresh-ms",
            refreshMillis,
            "data-generated",
            Formats.instant(context.now()) + " UTC")
        .fragment(content)
        .close("main")
        .markup("<footer>Times in UTC. Page made ")
        .element("span", Formats.instant(context.now()) + " UTC", "id", "generated")
        .markup(".</footer></body></html>\n");
    return html.toString();
  }
}
