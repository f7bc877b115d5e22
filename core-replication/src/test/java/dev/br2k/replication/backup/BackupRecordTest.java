package dev.br2k.replication.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.replication.internal.Json;
import org.junit.jupiter.api.Test;

class BackupRecordTest {
    private final BackupRecord record = FileBackupLogTest.record(4);

    @Test
    void without_secrets_keeps_everything_but_the_access_key_and_the_artifact_key() {
        BackupRecord shown = record.withoutSecrets();

        assertThat(Json.write(shown)).doesNotContain(FileBackupLogTest.ACCESS_KEY, FileBackupLogTest.ARTIFACT_KEY);
        assertThat(shown.storageAccessKey()).isEmpty();
        assertThat(shown.artifactKey()).isEmpty();
        assertThat(shown).usingRecursiveComparison().ignoringFields("storageAccessKey", "artifactKey").isEqualTo(record);
    }

    @Test
    void to_string_never_prints_a_secret() {
        assertThat(record.toString()).contains("version=4", "file:///tmp/b/")
                .doesNotContain(FileBackupLogTest.ACCESS_KEY, FileBackupLogTest.ARTIFACT_KEY);
    }

    @Test
    void a_record_read_from_json_of_an_older_br2k_has_no_artifact_key_and_is_not_encrypted() {
        String old = Json.write(record).replaceAll(",\"artifactKey\":\"[^\"]*\"", "");

        BackupRecord read = Json.read(old, BackupRecord.class);

        assertThat(read.artifactKey()).isEmpty();
        assertThat(read.encrypted()).isFalse();
        assertThat(record.encrypted()).isTrue();
    }
}
