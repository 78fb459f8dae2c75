package io.spectrumflow.starter.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyIntakeTest {

  @TempDir Path dir;

  @Test
  void takesABodyIntoItsOwnFolderWithTheDigestItWouldHaveStaged() throws Exception {
    BodyIntake intake = new BodyIntake(1024, dir.resolve("bodies"), Clock.systemUTC());

    BodyIntake.Body body =
        intake.take(new ByteArrayInputStream("id\n1\n".getBytes(StandardCharsets.UTF_8)));

    assertThat(body.file().getParent()).isEqualTo(dir.resolve("bodies"));
    assertThat(body.digest()).isEqualTo(BodyDigest.of(List.of(body.file()))).hasSize(32);
  }

  @Test
  void aBodyTooLargeLeavesNoFile() {
    BodyIntake intake = new BodyIntake(4, dir, Clock.systemUTC());

    assertThatThrownBy(() -> intake.take(new ByteArrayInputStream(new byte[10])))
        .isInstanceOf(BodyIntake.TooLarge.class);
    assertThat(dir).isEmptyDirectory();
  }

  @Test
  void startingDeletesBodyFilesUntouchedForAWhileAndNothingElse() throws Exception {
    Instant now = Instant.parse("2026-12-04T12:00:00Z");
    Path stale = Files.createFile(dir.resolve("spectrumflow-body-1.part"));
    Files.setLastModifiedTime(stale, FileTime.from(now.minus(Duration.ofHours(2))));
    Path receiving = Files.createFile(dir.resolve("spectrumflow-body-2.part"));
    Files.setLastModifiedTime(receiving, FileTime.from(now.minus(Duration.ofMinutes(1))));
    Path other = Files.createFile(dir.resolve("other.part"));
    Files.setLastModifiedTime(other, FileTime.from(now.minus(Duration.ofHours(2))));

    new BodyIntake(1024, dir, Clock.fixed(now, ZoneOffset.UTC)).start();

    assertThat(stale).doesNotExist();
    assertThat(receiving).exists();
    assertThat(other).exists();
  }

  @Test
  void severalFilesHaveADigestOfTheirOwn() throws Exception {
    Path a = Files.writeString(dir.resolve("a"), "a");
    Path b = Files.writeString(dir.resolve("b"), "b");

    assertThat(BodyDigest.of(List.of(a, b)))
        .isNotEqualTo(BodyDigest.of(List.of(b, a)))
        .isNotEqualTo(BodyDigest.of(List.of(a)));
  }
}
