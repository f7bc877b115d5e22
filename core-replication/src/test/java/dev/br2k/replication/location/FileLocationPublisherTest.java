package dev.br2k.replication.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileLocationPublisherTest {
    @TempDir
    Path dir;

    @Test
    void the_file_holds_the_latest_published_location() throws Exception {
        Path file = dir.resolve("sub/location.json");
        FileLocationPublisher publisher = new FileLocationPublisher(file);

        publisher.publish("kv", URI.create("http://127.0.0.1:1"));
        publisher.publish("kv", URI.create("http://127.0.0.1:2"));

        var location = FileLocationPublisher.read(file).orElseThrow();
        assertThat(location.service()).isEqualTo("kv");
        assertThat(location.url()).isEqualTo(URI.create("http://127.0.0.1:2"));
        assertThat(FileLocationPublisher.read(dir.resolve("none.json"))).isEmpty();
    }
}
