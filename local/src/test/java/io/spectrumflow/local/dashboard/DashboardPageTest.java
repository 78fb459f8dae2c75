package io.spectrumflow.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard's pages as HTML, without a browser: what they list, that run data is escaped, that
 * nothing secret is shown and that nothing but the starter's own files may load.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPageTest {

  @TempDir static Path dir;
  private DashboardStarter starter;

  @BeforeAll
  void start() throws Exception {
    starter = new DashboardStarter(dir);
  }

  @AfterAll
  void stop() throws Exception {
    if (starter != null) {
      starter.close();
    }
  }

  @Test
  void theOverviewListsPipelinesAndRunsAndNothingSecret() throws Exception {
    String id = starter.post("events", "text/csv", HostileInput.sample(), "page-ok-1");
    starter.await(id, "completed", Duration.ofMinutes(1));

    HttpResponse<String> page = starter.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=utf-8");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("default-src 'none'", "script-src 'self'");
    assertThat(page.body())
        .contains("<tr data-pipeline=\"events\">", "<code>0 3 * * *</code>", "paused")
        .contains("<tr class=\"run\" data-workflow-id=\"" + id + "\">")
        .contains("<td class=\"num rows\">52</td>")
        .contains("href=\"/dashboard/runs/" + id + "\"")
        .contains("href=\"" + DashboardStarter.TEMPORAL_UI + "/namespaces/default/workflows/" + id)
        .doesNotContain(DashboardStarter.TOKEN)
        .doesNotContain("secret-webhook-path");
  }

  @Test
  void aFailedRunShowsItsStepAndItsMessageEscaped() throws Exception {
    String id =
        starter.postStaged(
            "events-json", "elsewhere/hostile.ndjson", HostileInput.failingRecord(), "page-bad-1");
    starter.await(id, "failed", Duration.ofMinutes(1));

    HttpResponse<String> page = starter.get("/dashboard/runs/" + id);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Failed in step <code class=\"failed-step\">dump</code>")
        .contains("&lt;img src=x onerror=alert(1)&gt;")
        .doesNotContain(HostileInput.MARKUP)
        .contains("<tr class=\"step failed\" data-step=\"dump\">")
        .contains("data-refresh-ms=\"0\"") // an ended run does not change
        .doesNotContain(DashboardStarter.TOKEN);
    assertThat(starter.get("/").body()).doesNotContain(HostileInput.MARKUP);
  }

  @Test
  void servesItsOwnAssetsAndNothingElse() throws Exception {
    HttpResponse<String> script = starter.get("/dashboard/assets/dashboard.js");
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(starter.get("/dashboard/assets/dashboard.css").body()).contains(".status");
    assertThat(starter.get("/dashboard/assets/logback.xml").statusCode()).isEqualTo(404);

    HttpResponse<String> missing = starter.get("/dashboard/runs/export-events-never");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such run", "export-events-never");
  }
}
