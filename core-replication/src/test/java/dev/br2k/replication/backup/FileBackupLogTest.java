package dev.br2k.replication.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.br2k.replication.BackupVerificationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackupLogTest {
    static final String ACCESS_KEY = "AKIA-FILE-LOG-SECRET";
    static final String ARTIFACT_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq8M=";

    @TempDir
    Path dir;

    static BackupRecord record(long version) {
        return new BackupRecord("kv", version, 10, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"),
                List.of("r1", "r2"), 100, 200, "file:///tmp/b/", ACCESS_KEY, "r1", Map.of("state.zip", "ab", "etcd.snapshot", "cd"),
                ARTIFACT_KEY);
    }

    private Path logFile() {
        return dir.resolve("log.jsonl");
    }

    @Test
    void the_newest_record_is_the_last_one_appended() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        assertThat(log.newest()).isEmpty();

        log.append(record(2));
        log.append(record(3));

        assertThat(log.newest()).contains(record(3));
        assertThat(new FileBackupLog(logFile()).all()).containsExactly(record(2), record(3));
    }

    @Test
    void the_record_of_a_version_is_found_behind_the_record_of_a_backup_that_never_took_effect() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));
        log.append(record(3)); // its leader lost leadership before compacting: the service stayed at version 2

        assertThat(log.newestOf(2)).contains(record(2));
        assertThat(log.newestOf(3)).contains(record(3));
        assertThat(log.newestOf(4)).isEmpty();
    }

    @Test
    void the_file_holds_neither_the_access_key_nor_the_artifact_key_and_its_key_file_is_private() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));

        assertThat(Files.readString(logFile())).doesNotContain(ACCESS_KEY, ARTIFACT_KEY, "file:///tmp/b/")
                .startsWith("br2k-backup-record-v1 ");
        assertThat(log.keyFile()).isEqualTo(dir.resolve("log.jsonl.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log.keyFile()))).isEqualTo("rw-------");
    }

    @Test
    void a_torn_last_line_is_skipped_and_the_next_append_stands_on_its_own_line() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));
        Files.writeString(logFile(), "br2k-backup-record-v1 AAAA", StandardOpenOption.APPEND);

        assertThat(log.newest()).contains(record(2));
        log.append(record(3));
        assertThatThrownBy(log::all).as("the torn line, now complete, is not a record")
                .isInstanceOf(BackupVerificationException.class).hasMessageContaining("line 2");
    }

    @Test
    void a_changed_line_is_refused_as_not_authentic() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));
        String line = Files.readString(logFile()).strip();
        int at = line.length() / 2;
        char flipped = line.charAt(at) == 'A' ? 'B' : 'A';
        Files.writeString(logFile(), line.substring(0, at) + flipped + line.substring(at + 1) + "\n");

        assertThatThrownBy(log::newest).isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("line 1", "not an authentic backup record", log.keyFile().toString());
    }

    @Test
    void a_record_written_under_another_key_is_refused() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));
        new FileBackupLog(logFile(), dir.resolve("attacker.key")).append(record(3));

        assertThatThrownBy(log::newest).isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("line 2", "not an authentic backup record");
    }

    @Test
    void a_clear_text_record_of_an_older_br2k_is_refused_with_what_to_do() throws Exception {
        Files.writeString(logFile(), "{\"service\":\"kv\",\"version\":2,\"storageLocation\":\"file:///tmp/b/\"}\n");

        assertThatThrownBy(new FileBackupLog(logFile())::newest).isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("clear-text backup record", "not authentic", "POST /br2k/backup");
    }

    @Test
    void records_without_their_key_file_cannot_be_read() throws Exception {
        FileBackupLog log = new FileBackupLog(logFile());
        log.append(record(2));
        Files.delete(log.keyFile());

        assertThatThrownBy(log::newest).isInstanceOf(BackupVerificationException.class)
                .hasMessageContaining("key file", "does not exist", "BR2K_BACKUP_LOG_KEY_FILE");
    }
}
