package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.ExitCode;
import java.util.Objects;
import java.util.Optional;

/**
 * An image reference: optional registry ({@code host:port}), repository, and a tag or digest.
 *
 * @param registry   where it lives, empty for an image only built locally
 * @param repository e.g. {@code br2k/infodid}
 * @param tag        e.g. {@code 0.1.0}; {@code latest} when none was given
 * @param digest     {@code sha256:...} when the reference pins one
 */
public record ImageRef(Optional<String> registry, String repository, String tag, Optional<String> digest) {
    public ImageRef {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(repository, "repository");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(digest, "digest");
    }

    /** Reads {@code [host[:port]/]repo[:tag][@sha256:...]}. */
    public static ImageRef parse(String text) {
        String rest = text.trim();
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1));
            rest = rest.substring(0, at);
            if (!digest.get().matches("sha256:[0-9a-f]{64}")) {
                throw new CliException(ExitCode.USAGE, "'" + text + "': the digest must be sha256: and 64 hex digits");
            }
        }
        Optional<String> registry = Optional.empty();
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
                registry = Optional.of(first);
                rest = rest.substring(slash + 1);
            }
        }
        String tag = "latest";
        int colon = rest.lastIndexOf(':');
        if (colon > 0) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        if (!rest.matches("[a-z0-9]+([._/-][a-z0-9]+)*") || !tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw new CliException(ExitCode.USAGE, "'" + text + "' is not an image reference such as 127.0.0.1:5000/infodid:0.1.0");
        }
        return new ImageRef(registry, rest, tag, digest);
    }

    public ImageRef withRegistry(String server) {
        return new ImageRef(Optional.of(server), repository, tag, digest);
    }

    /** Without the registry: {@code repo:tag}. */
    public String local() {
        return repository + ":" + tag;
    }

    @Override
    public String toString() {
        return registry.map(r -> r + "/").orElse("") + repository + ":" + tag + digest.map(d -> "@" + d).orElse("");
    }
}
