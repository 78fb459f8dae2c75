package io.spectrumflow.local.moto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

/**
 * IAM users, their inline policies and a Redshift cluster on moto, made by {@code moto_iam.py} with
 * boto3 (which moto itself depends on), since the project has no AWS SDK IAM client.
 */
final class MotoIam {

  static final String REGION = "us-east-1";

  /** moto's account: the printed policies' ARNs must name it. */
  static final String ACCOUNT = "123456789012";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI endpoint;
  private final Path dir;
  private final Path script;
  private final AwsBasicCredentials admin;

  private MotoIam(URI endpoint, Path dir, Path script, AwsBasicCredentials admin) {
    this.endpoint = endpoint;
    this.dir = dir;
    this.script = script;
    this.admin = admin;
  }

  /** Creates the admin user with the server's unsigned calls; every later call is signed. */
  static MotoIam bootstrap(URI endpoint, Path dir) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    Path script = dir.resolve("moto_iam.py");
    try (InputStream in = MotoIam.class.getResourceAsStream("/moto/moto_iam.py")) {
      Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    MotoIam unsigned = new MotoIam(endpoint, dir, script, null);
    return new MotoIam(endpoint, dir, script, keys(unsigned.run("bootstrap")));
  }

  AwsBasicCredentials admin() {
    return admin;
  }

  /** A new IAM user with an access key and no policy yet. */
  AwsBasicCredentials user(String name) throws IOException, InterruptedException {
    return keys(run("user", admin.accessKeyId(), admin.secretAccessKey(), name));
  }

  /** Replaces the user's inline policies with these, by policy name. */
  void policies(String user, Map<String, ObjectNode> policies)
      throws IOException, InterruptedException {
    List<String> args =
        new ArrayList<>(List.of("policies", admin.accessKeyId(), admin.secretAccessKey(), user));
    for (Map.Entry<String, ObjectNode> policy : policies.entrySet()) {
      Path file = dir.resolve(user + "-" + policy.getKey() + ".json");
      Files.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(policy.getValue()));
      args.add(file.toString());
    }
    run(args.toArray(String[]::new));
  }

  void cluster(String identifier, String role) throws IOException, InterruptedException {
    run("cluster", admin.accessKeyId(), admin.secretAccessKey(), identifier, role);
  }

  private String run(String... args) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(List.of("python3", script.toString(), endpoint.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("moto_iam.py " + args[0] + " failed: " + out);
    }
    return out.trim();
  }

  private static AwsBasicCredentials keys(String line) {
    String[] parts = line.split("\\s+");
    return AwsBasicCredentials.create(parts[0], parts[1]);
  }
}
