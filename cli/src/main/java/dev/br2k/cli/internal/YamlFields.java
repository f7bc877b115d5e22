package dev.br2k.cli.internal;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.br2k.cli.CliException;
import dev.br2k.cluster.context.FieldReader;
import dev.br2k.cluster.context.InvalidFileException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CLI's files of fields (project, config, logins, context requests) are read and checked with the
 * cluster module's {@link FieldReader}, the same reader deployment contexts go through, so every broken
 * file is reported the same way: one {@link InvalidFileException} naming each bad field, which
 * {@code br2k} turns into exit code 3. This class adds what is the CLI's own: the YAML mapper it writes
 * with, and what to do when a file is not there.
 */
public final class YamlFields {
    public static final YAMLMapper YAML = new YAMLMapper();

    private YamlFields() {
    }

    /**
     * Reads {@code file}; a missing or unreadable file is a {@link CliException} (exit 3) naming it and,
     * when {@code fix} is not empty, what to do.
     */
    public static FieldReader read(Path file, String what, String fix) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw CliException.badFile("there is no " + what + " at " + file + (fix.isEmpty() ? "" : ": " + fix));
        } catch (IOException e) {
            throw CliException.badFile("the " + what + " " + file + " cannot be read: " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        return FieldReader.parse(text, what, file.toString(), dir == null ? Path.of(".") : dir);
    }
}
