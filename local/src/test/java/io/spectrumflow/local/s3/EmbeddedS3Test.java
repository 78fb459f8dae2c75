package io.spectrumflow.local.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.spectrumflow.activities.aws.AwsClients;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  @Test
  void anObjectIsSeenOnlyOnceItsUploadIsComplete() throws Exception {
    try (EmbeddedS3 s3 = EmbeddedS3.start(dir, 0);
        S3Client client = AwsClients.s3(LocalAws.settings(s3.endpoint(), null))) {
      client.createBucket(b -> b.bucket("lake"));
      byte[] body = new byte[256 * 1024];
      InputStream slow =
          new InputStream() {
            private int sent;

            @Override
            public int read() {
              if (sent % 16_384 == 0) {
                try {
                  Thread.sleep(20);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              return sent < body.length ? body[sent++] & 0xff : -1;
            }
          };
      Thread upload =
          new Thread(
              () ->
                  client.putObject(
                      b -> b.bucket("lake").key("day/big.bin"),
                      RequestBody.fromInputStream(slow, body.length)));
      upload.start();
      List<List<String>> listings = new ArrayList<>();
      while (upload.isAlive()) {
        listings.add(
            client.listObjectsV2(b -> b.bucket("lake").prefix("day/")).contents().stream()
                .map(o -> o.key() + " " + o.size())
                .toList());
      }
      upload.join();

      assertThat(listings)
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).isSubsetOf("day/big.bin 262144"));
      assertThat(client.listObjectsV2(b -> b.bucket("lake").prefix("day/")).contents())
          .extracting(o -> o.key())
          .containsExactly("day/big.bin");
    }
  }
}
