package dev.br2k.replication.internal.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.BackupVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactsTest {
    @TempDir
    Path dir;

    @Test
    void a_state_directory_survives_zip_and_unzip() throws Exception {
        Files.createDirectories(dir.resolve("state/sub"));
        Files.writeString(dir.resolve("state/a.txt"), "alpha");
        Files.writeString(dir.resolve("state/sub/b.txt"), "beta");

        Artifacts.zip(dir.resolve("state"), dir.resolve("state.zip"));
        Artifacts.unzip(dir.resolve("state.zip"), dir.resolve("out"));

        assertThat(dir.resolve("out/a.txt")).hasContent("alpha");
        assertThat(dir.resolve("out/sub/b.txt")).hasContent("beta");
    }

    @Test
    void an_artifact_whose_sha256_differs_from_the_record_is_refused() throws Exception {
        Path file = dir.resolve("state.zip");
        Files.writeString(file, "the real backup");
        String sha = Artifacts.sha256(file);
        Artifacts.verify(file, "state.zip", sha);

        Files.writeString(file, "the real backuq");

        assertThatThrownBy(() -> Artifacts.verify(file, "state.zip", sha))
                .isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("tampered or truncated").hasMessageContaining(sha);
        assertThatThrownBy(() -> Artifacts.verify(file, "state.zip", null))
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("unverifiable");
    }

    @Test
    void a_zip_entry_pointing_outside_the_target_is_refused() throws Exception {
        Path zip = dir.resolve("evil.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("../escaped.txt"));
            out.write("x".getBytes());
            out.closeEntry();
        }

        assertThatThrownBy(() -> Artifacts.unzip(zip, dir.resolve("out"))).isInstanceOf(BackupVerificationException.class);
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }
}
