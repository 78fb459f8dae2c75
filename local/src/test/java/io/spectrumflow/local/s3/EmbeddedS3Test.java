package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.aws.AwsClients;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

class EmbeddedS3Test {

  @TempDir Path dir;

  @Test
  void putsAndGetsObjectsThroughTheS3Protocol() throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir, 0);
        S3Client client = AwsClients.s3(LocalAws.settings(s3.endpoint(), null))) {
      client.createBucket(b -> b.bucket("lake"));
      client.putObject(b -> b.bucket("lake").key("a/b=1/x.txt"), RequestBody.fromString("héllo"));

      assertThat(client.getObjectAsBytes(b -> b.bucket("lake").key("a/b=1/x.txt")).asUtf8String())
          .isEqualTo("héllo");
      assertThat(client.listObjectsV2(b -> b.bucket("lake").prefix("a/")).contents())
          .extracting(o -> o.key())
          .containsExactly("a/b=1/x.txt");
      assertThat(dir.resolve("lake")).isDirectory();
    }
  }
}
