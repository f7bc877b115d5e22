package dev.br2k.watch.login;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.br2k.watch.common.WatchHome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Remembered log-in profiles in {@code <config dir>/watch-profiles.json}, most recently used first.
 * The config dir is {@code $BR2K_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/br2k}, else
 * {@code ~/.config/br2k}. The file names endpoints and keystores, so it is written 0600 (a file
 * written by an older Watch is replaced by a 0600 one on the next save). Passwords are never written. A damaged file is ignored (and replaced on the
 * next save), so the Watch always starts.
 */
public final class ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    private static final int KEEP = 10;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path file;

    public ProfileStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The store in the user's config dir. */
    public static ProfileStore inUserConfig() {
        return new ProfileStore(configDir().resolve("watch-profiles.json"));
    }

    /** The Watch's directory ({@link WatchHome#resolve()}), which also holds its log. */
    public static Path configDir() {
        return WatchHome.resolve();
    }

    public Path file() {
        return file;
    }

    /** The remembered profiles, most recent first; empty when there are none or the file is damaged. */
    public List<Profile> load() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            return List.of(JSON.readValue(file.toFile(), Profile[].class));
        } catch (IOException e) {
            LOG.warn("Ignoring the damaged profile file {}: {}", file, e.getMessage());
            return List.of();
        }
    }

    /** Puts {@code profile} first (replacing one of the same name) and writes the file atomically. */
    public List<Profile> remember(Profile profile) {
        List<Profile> profiles = new ArrayList<>(load());
        profiles.removeIf(p -> p.name().equals(profile.name()));
        profiles.add(0, profile);
        if (profiles.size() > KEEP) {
            profiles = new ArrayList<>(profiles.subList(0, KEEP));
        }
        try {
            WatchHome.writePrivately(file, JSON.writeValueAsBytes(profiles.toArray(Profile[]::new)));
        } catch (IOException e) {
            LOG.warn("Cannot remember the profile in {}: {}", file, e.getMessage());
        }
        return List.copyOf(profiles);
    }

    @Override
    public String toString() {
        return "ProfileStore" + Arrays.asList(file);
    }
}
