package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ImageRegistryEntry;
import dev.br2k.cli.home.RegistryLogin;
import java.util.Optional;

/** Picks the image registry a command means and its login. */
public final class Registries {
    private Registries() {
    }

    /** The registry named {@code name}, or the current one. */
    public static ImageRegistryEntry select(Br2kHome home, String name) {
        HomeConfig config = home.config();
        if (name != null) {
            return config.imageRegistry(name).orElseThrow(() -> CliException.notConfigured("there is no image registry \""
                    + name + "\"; add it with 'br2k add-image-registry " + name + " HOST:PORT'"));
        }
        return config.currentImageRegistry().flatMap(config::imageRegistry).orElseThrow(() -> CliException.notConfigured(
                "no image registry is set: add one with 'br2k add-image-registry NAME HOST:PORT'"));
    }

    public static Optional<RegistryLogin> login(Br2kHome home, ImageRegistryEntry registry) {
        return Optional.ofNullable(home.logins().get(registry.server()));
    }

    public static OciRegistryClient client(Br2kHome home, ImageRegistryEntry registry) {
        return new OciRegistryClient(registry.server(), registry.insecure(), login(home, registry));
    }
}
