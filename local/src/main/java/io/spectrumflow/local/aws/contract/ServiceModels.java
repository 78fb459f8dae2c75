package io.spectrumflow.local.aws.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * botocore's JSON service models, found at run time: they come with the AWS CLI's Python, not with
 * this project, so a machine with only Java has none and the contract check is off there. Looked
 * for in the system property {@code spectrumflow.botocore.data} or the environment variable {@code
 * SPECTRUMFLOW_BOTOCORE_DATA} (botocore's {@code data} folder), else where {@code python3} says
 * botocore is, else in the usual site-packages folders.
 */
public final class ServiceModels {

  public static final String PROPERTY = "spectrumflow.botocore.data";
  public static final String ENVIRONMENT = "SPECTRUMFLOW_BOTOCORE_DATA";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceModels.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static volatile Optional<ServiceModels> shared;

  private final Path dataDir;
  private final Map<String, Optional<ServiceModel>> loaded = new ConcurrentHashMap<>();

  private ServiceModels(Path dataDir) {
    this.dataDir = dataDir;
  }

  /** The models of this machine, looked for once per JVM; empty (logged once) when absent. */
  public static Optional<ServiceModels> shared() {
    Optional<ServiceModels> models = shared;
    if (models == null) {
      synchronized (ServiceModels.class) {
        models = shared;
        if (models == null) {
          models = locate().map(ServiceModels::new);
          if (models.isPresent()) {
            LOG.info("AWS contract check on: service models from {}", models.get().dataDir);
          } else {
            LOG.warn(
                "AWS contract check off: botocore's service models not found (install the AWS CLI"
                    + " or set {} to botocore's data folder)",
                ENVIRONMENT);
          }
          shared = models;
        }
      }
    }
    return models;
  }

  /** Models read from botocore's {@code data} folder. */
  public static ServiceModels at(Path dataDir) {
    return new ServiceModels(dataDir);
  }

  /** botocore's data folder on this machine, if there is one. */
  static Optional<Path> locate() {
    List<Path> candidates = new ArrayList<>();
    String configured = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
    if (configured != null && !configured.isBlank()) {
      // an explicit setting is the only place looked at, so that "none" turns the check off
      return Optional.of(Path.of(configured)).filter(ServiceModels::holdsModels);
    }
    askPython().ifPresent(candidates::add);
    candidates.addAll(usualPlaces());
    return candidates.stream().filter(ServiceModels::holdsModels).findFirst();
  }

  /** A service's newest model, e.g. {@code glue}, if botocore has it. */
  public Optional<ServiceModel> service(String name) {
    return loaded.computeIfAbsent(name, this::load);
  }

  private Optional<ServiceModel> load(String name) {
    Path serviceDir = dataDir.resolve(name);
    if (!Files.isDirectory(serviceDir)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(serviceDir)) {
      Optional<Path> newest =
          versions.filter(Files::isDirectory).max(Comparator.comparing(Path::toString));
      if (newest.isEmpty()) {
        return Optional.empty();
      }
      Path gz = newest.get().resolve("service-2.json.gz");
      Path plain = newest.get().resolve("service-2.json");
      JsonNode model;
      if (Files.isRegularFile(gz)) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
          model = MAPPER.readTree(in);
        }
      } else if (Files.isRegularFile(plain)) {
        model = MAPPER.readTree(plain.toFile());
      } else {
        return Optional.empty();
      }
      return Optional.of(new ServiceModel(name, model));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the service model of " + name, e);
    }
  }

  private static boolean holdsModels(Path dir) {
    return Files.isDirectory(dir.resolve("glue"))
        && Files.isDirectory(dir.resolve("redshift-data"));
  }

  private static Optional<Path> askPython() {
    try {
      Process process =
          new ProcessBuilder(
                  "python3", "-c", "import botocore, os; print(os.path.dirname(botocore.__file__))")
              .redirectErrorStream(false)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      String out;
      try (InputStream in = process.getInputStream()) {
        out = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
      }
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        return Optional.empty();
      }
      return process.exitValue() == 0 && !out.isEmpty()
          ? Optional.of(Path.of(out, "data"))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // no python3 on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static List<Path> usualPlaces() {
    List<Path> places = new ArrayList<>();
    places.add(Path.of("/usr/local/aws-cli/v2/current/dist/awscli/botocore/data"));
    places.add(Path.of("/usr/lib/python3/dist-packages/botocore/data"));
    String home = System.getProperty("user.home", "");
    for (String root :
        List.of("/usr/lib", "/usr/local/lib", home + "/.local/lib", "/opt/homebrew/lib")) {
      places.addAll(pythonDirs(Path.of(root), "site-packages/botocore/data"));
      places.addAll(pythonDirs(Path.of(root), "dist-packages/botocore/data"));
    }
    Path pyenv = Path.of(home, ".pyenv", "versions");
    if (Files.isDirectory(pyenv)) {
      try (DirectoryStream<Path> versions = Files.newDirectoryStream(pyenv)) {
        for (Path version : versions) {
          places.addAll(pythonDirs(version.resolve("lib"), "site-packages/botocore/data"));
        }
      } catch (IOException e) {
        // an unreadable pyenv is just not a place to look
      }
    }
    return places;
  }

  private static List<Path> pythonDirs(Path lib, String below) {
    List<Path> dirs = new ArrayList<>();
    if (!Files.isDirectory(lib)) {
      return dirs;
    }
    try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python3*")) {
      pythons.forEach(python -> dirs.add(python.resolve(below)));
    } catch (IOException e) {
      // not readable: nothing to find there
    }
    return dirs;
  }
}
