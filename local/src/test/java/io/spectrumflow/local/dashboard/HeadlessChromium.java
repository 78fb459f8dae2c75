package io.spectrumflow.local.dashboard;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver. Both are named explicitly so
 * that Selenium never tries to download a browser or driver, which it could not here.
 */
final class HeadlessChromium {

  private HeadlessChromium() {}

  /**
   * @param profile an empty directory for the browser's profile
   */
  static ChromeDriver start(Path profile) throws Exception {
    File browser = executable("CHROMIUM", "/usr/bin/chromium");
    File driver = executable("CHROMEDRIVER", "/usr/bin/chromedriver");
    Files.createDirectories(profile);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(browser);
    options.addArguments(
        "--headless=new",
        // as root in this sandbox Chromium's own sandbox cannot start
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        // the machine reaches no network: keep Chromium from trying
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  private static File executable(String variable, String fallback) {
    String path = System.getenv().getOrDefault(variable, fallback);
    File file = new File(path);
    if (!file.canExecute()) {
      throw new IllegalStateException(
          path
              + " is missing: the browser tests need Debian's chromium and chromium-driver"
              + " (.ci/install-debian-packages chromium=chromium chromedriver=chromium-driver),"
              + " or "
              + variable
              + " set to another one");
    }
    return file;
  }
}
