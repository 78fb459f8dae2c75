package io.spectrumflow.local.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the starter on the embedded stack: a run posted
 * after the page was opened appears and finishes on it without a reload, and a failed run's page
 * shows the step and the message. Screenshots go to {@code target/screenshots/}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

  /** Surefire runs in the module's folder: this is {@code local/target/screenshots}. */
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  @TempDir static Path dir;
  private DashboardStarter starter;
  private ChromeDriver browser;

  @BeforeAll
  void start() throws Exception {
    starter = new DashboardStarter(dir);
    browser = HeadlessChromium.start(dir.resolve("chromium-profile"));
  }

  @AfterAll
  void stop() throws Exception {
    if (browser != null) {
      browser.quit();
    }
    if (starter != null) {
      starter.close();
    }
  }

  @Test
  void aPostedRunAppearsAndFinishesAndAFailedRunShowsWhyOnItsPage() throws Exception {
    browser.get(starter.baseUrl() + "/");
    WebElement events = browser.findElement(By.cssSelector("#pipelines tr[data-pipeline=events]"));
    assertThat(events.findElement(By.cssSelector("td.schedule")).getText())
        .contains("0 3 * * *")
        .contains("paused");
    assertThat(browser.findElement(By.id("refresh-state")).getText()).startsWith("updates every");

    // posted after the page was opened: the page shows it by itself
    String completed = starter.post("events", "text/csv", HostileInput.sample(), "browser-ok-1");
    By completedRow = run(completed);
    waitFor(Duration.ofSeconds(30)).until(page -> !page.findElements(completedRow).isEmpty());
    waitFor(Duration.ofMinutes(2)).until(page -> status(completedRow).equals("completed"));
    assertThat(browser.findElement(completedRow).findElement(By.cssSelector("td.rows")).getText())
        .isEqualTo("52");
    assertThat(
            browser
                .findElement(By.cssSelector("#pipelines tr[data-pipeline=events] .last-run"))
                .getText())
        .startsWith("completed");

    // markup in a record: the dump's failure message quotes it, the page shows it as text
    String hostile =
        starter.postStaged(
            "events-json",
            "elsewhere/browser.ndjson",
            HostileInput.failingRecord(),
            "browser-bad-1");
    // a role the cluster does not have: fails in ddl, after dump, upload and catalog
    String failed =
        starter.post("unassociated", "text/csv", HostileInput.sample(), "browser-bad-2");
    for (String id : List.of(hostile, failed)) {
      waitFor(Duration.ofMinutes(2))
          .until(page -> !page.findElements(run(id)).isEmpty() && status(run(id)).equals("failed"));
    }
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
    screenshot("dashboard.png");

    browser.findElement(run(failed)).findElement(By.cssSelector("td.id a")).click();
    waitFor(Duration.ofSeconds(10)).until(page -> !page.findElements(By.id("failure")).isEmpty());
    assertThat(browser.getCurrentUrl()).endsWith("/dashboard/runs/" + failed);
    assertThat(browser.findElement(By.cssSelector("#failure .failed-step")).getText())
        .isEqualTo("ddl");
    assertThat(browser.findElement(By.cssSelector("#failure .failure-message")).getText())
        .startsWith(
            "ddl: IAM role arn:aws:iam::000000000000:role/not-associated is not associated");
    assertThat(
            browser.findElements(By.cssSelector("#timeline tr.step")).stream()
                .map(row -> row.getAttribute("data-step") + " " + row.getAttribute("class"))
                .toList())
        .containsExactly(
            "dump step done",
            "upload step done",
            "catalog step done",
            "ddl step failed",
            "rollback step done");
    assertThat(browser.findElement(By.cssSelector("#run .temporal-link")).getAttribute("href"))
        .startsWith(DashboardStarter.TEMPORAL_UI + "/namespaces/default/workflows/" + failed + "/");
    screenshot("failed-run.png");

    browser.get(starter.baseUrl() + "/dashboard/runs/" + hostile);
    assertThat(browser.findElement(By.cssSelector("#failure .failure-message")).getText())
        .startsWith("dump: ")
        .contains(HostileInput.MARKUP); // shown as text ...
    assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty(); // ... not as markup

    browser.get(starter.baseUrl() + "/dashboard/runs/" + completed);
    List<String> steps =
        browser.findElements(By.cssSelector("#timeline tr.step.done")).stream()
            .map(row -> row.getAttribute("data-step"))
            .toList();
    assertThat(steps).containsExactly("dump", "upload", "catalog", "ddl", "verify");
    assertThat(browser.findElement(By.cssSelector(".figures .rows")).getText()).isEqualTo("52");
    screenshot("completed-run.png");
  }

  @Test
  void aRunningRunShowsItsCurrentStepAndFinishesByItself() throws Exception {
    starter.await(
        starter.post("daily", "text/csv", HostileInput.sample(), "browser-daily-1"),
        "completed",
        Duration.ofMinutes(2));
    browser.get(starter.baseUrl() + "/");

    // replaces the days the first batch wrote: its cleanup step waits six seconds
    String replacing = starter.post("daily", "text/csv", HostileInput.sample(), "browser-daily-2");
    By row = run(replacing);
    waitFor(Duration.ofMinutes(1))
        .until(
            page ->
                !page.findElements(row).isEmpty()
                    && page.findElement(row)
                        .findElement(By.cssSelector(".status"))
                        .getText()
                        .equals("running · cleanup"));
    assertThat(browser.findElement(row).findElement(By.cssSelector("td.rows")).getText())
        .isEqualTo("52"); // from the live progress query
    assertThat(browser.findElements(By.cssSelector("#runs tr.run svg rect.running"))).hasSize(1);
    assertThat(browser.findElement(By.id("refresh-state")).getText())
        .isEqualTo("updates every 0.5 s");
    screenshot("running.png");

    waitFor(Duration.ofMinutes(1)).until(page -> status(row).equals("completed"));
    assertThat(browser.findElement(By.id("refresh-state")).getText())
        .isEqualTo("updates every 1 s");
  }

  private static By run(String workflowId) {
    return By.cssSelector("#runs tr.run[data-workflow-id='" + workflowId + "']");
  }

  /** The run's status on the page now; the page swaps its content, so it is looked up afresh. */
  private String status(By row) {
    return browser
        .findElement(row)
        .findElement(By.cssSelector("[data-status]"))
        .getAttribute("data-status");
  }

  private WebDriverWait waitFor(Duration timeout) {
    WebDriverWait wait = new WebDriverWait(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  private void screenshot(String name) throws Exception {
    Files.createDirectories(SCREENSHOTS);
    Path file = SCREENSHOTS.resolve(name);
    Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    System.out.println("screenshot: " + file.toAbsolutePath());
  }
}
