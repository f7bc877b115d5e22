package dev.br2k.infodid.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteStateHooksTest {
    @TempDir
    Path dir;

    @Test
    void every_commit_is_fsynced_so_the_state_is_declared_durable_across_a_machine_restart() throws Exception {
        ProfileStore store = ProfileStore.open(dir);
        try {
            assertThat(store.synchronousMode()).as("PRAGMA synchronous (2 = FULL)").isEqualTo(2);
            assertThat(new SqliteStateHooks(store).durable()).isTrue();
        } finally {
            store.close();
        }
    }
}
