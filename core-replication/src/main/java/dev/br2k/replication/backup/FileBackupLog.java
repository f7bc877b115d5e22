package dev.br2k.replication.backup;

import dev.br2k.replication.internal.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A backup log in a local file, one JSON record per line, appended with fsync. For one machine without a
 * chain; lines that do not parse (a torn last write) are skipped.
 */
public final class FileBackupLog implements BackupLog {
    private final Path file;

    public FileBackupLog(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(BackupRecord record) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] line = (Json.write(record) + "\n").getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(line));
            ch.force(true);
        }
    }

    @Override
    public Optional<BackupRecord> newest() throws IOException {
        List<BackupRecord> records = all();
        return records.isEmpty() ? Optional.empty() : Optional.of(records.get(records.size() - 1));
    }

    /** Every readable record, oldest first. */
    public List<BackupRecord> all() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank())
                .flatMap(l -> {
                    try {
                        return java.util.stream.Stream.of(Json.read(l, BackupRecord.class));
                    } catch (RuntimeException torn) {
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
    }
}
