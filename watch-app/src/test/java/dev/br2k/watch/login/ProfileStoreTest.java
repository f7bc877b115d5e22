package dev.br2k.watch.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** watch-profiles.json names RPC endpoints, registries and keystores: only its owner may read it. */
class ProfileStoreTest {

    @TempDir
    Path dir;

    @Test
    void remembered_profiles_are_written_readable_by_the_owner_only_in_a_private_directory() throws Exception {
        Path file = dir.resolve("config/br2k/watch-profiles.json");

        new ProfileStore(file).remember(new Profile("staging", "http://10.0.0.5:8545", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "/keys/operator.json", "", ""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(new ProfileStore(file).load()).extracting(Profile::name).containsExactly("staging");
    }

    @Test
    void a_profiles_file_an_older_watch_left_readable_by_others_becomes_private_on_the_next_save() throws Exception {
        Path file = dir.resolve("watch-profiles.json");
        Files.writeString(file, "[]");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        new ProfileStore(file).remember(new Profile("sandbox", "http://127.0.0.1:8545", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "/keys/operator.json", "", ""));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        try (var left = Files.list(dir)) {
            assertThat(left).as("no temporary file is left").containsExactly(file);
        }
    }
}
