package dev.br2k.replication.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileBackupLogTest {
    @TempDir
    Path dir;

    static BackupRecord record(long version) {
        return new BackupRecord("kv", version, 10, Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:00:01Z"),
                List.of("r1", "r2"), 100, 200, "file:///tmp/b/", "", "r1", Map.of("state.zip", "ab", "etcd.snapshot", "cd"));
    }

    @Test
    void the_newest_record_is_the_last_one_appended() throws Exception {
        FileBackupLog log = new FileBackupLog(dir.resolve("log.jsonl"));
        assertThat(log.newest()).isEmpty();

        log.append(record(2));
        log.append(record(3));

        assertThat(log.newest()).contains(record(3));
        assertThat(new FileBackupLog(dir.resolve("log.jsonl")).all()).containsExactly(record(2), record(3));
    }

    @Test
    void a_torn_last_line_is_skipped() throws Exception {
        FileBackupLog log = new FileBackupLog(dir.resolve("log.jsonl"));
        log.append(record(2));
        Files.writeString(dir.resolve("log.jsonl"), "{\"service\":\"kv\",\"vers", StandardOpenOption.APPEND);

        assertThat(log.newest()).contains(record(2));
    }
}
