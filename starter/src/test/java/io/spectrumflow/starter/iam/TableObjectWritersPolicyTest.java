package io.spectrumflow.starter.iam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.spectrumflow.starter.config.PipelinesFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Before deleting a table object the worker reads which run wrote it (HeadObject, which S3
 * authorizes as s3:GetObject), so its policy lets it read its own table's objects.
 */
class TableObjectWritersPolicyTest {

  @TempDir Path dir;

  @Test
  void theWorkerMayReadTheObjectsOfItsTableOnly() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("c.yml"),
            """
            pipelines:
              clicks:
                storage: {bucket: lake, prefix: exports}
                catalog: {database: web}
                redshift:
                  workgroupName: wg
                  iamRole: "arn:aws:iam::123456789012:role/spectrum"
            """);
    IamPolicy policy = new IamPolicy(PipelinesFile.load(file).pipeline("clicks"), "lake/staging/");
    JsonNode worker = new ObjectMapper().readTree(policy.worker().toString());

    List<String> readable = new ArrayList<>();
    for (JsonNode statement : worker.get("Statement")) {
      List<String> actions = new ArrayList<>();
      statement.get("Action").forEach(a -> actions.add(a.asText()));
      if (actions.contains("s3:GetObject")) {
        statement.get("Resource").forEach(r -> readable.add(r.asText()));
      }
    }
    assertThat(readable)
        .containsExactlyInAnyOrder(
            "arn:aws:s3:::lake/staging/*", "arn:aws:s3:::lake/exports/clicks/*");
    assertThat(policy.workerActions()).doesNotHaveDuplicates();
  }
}
