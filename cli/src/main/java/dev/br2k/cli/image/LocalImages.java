package dev.br2k.cli.image;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.internal.YamlFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Images built to tar files under {@code <home>/images/}: {@code <repository>/<tag>.tar} with a
 * {@code <tag>.yaml} beside it that records the reference and digest.
 */
public final class LocalImages {
    private final Path dir;

    public LocalImages(Br2kHome home) {
        this.dir = home.imagesDir();
    }

    /** One built image. */
    public record LocalImage(String reference, String digest, Path tar) { }

    public Path tarOf(ImageRef ref) {
        return dir.resolve(ref.repository().replace('/', '_')).resolve(ref.tag() + ".tar");
    }

    public void record(ImageRef ref, String digest) {
        ObjectNode n = YamlFields.YAML.createObjectNode();
        n.put("reference", ref.local());
        n.put("digest", digest);
        try {
            Br2kHome.writeAtomically(meta(ref), YamlFields.YAML.writeValueAsString(n), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<LocalImage> find(ImageRef ref) {
        Path tar = tarOf(ref);
        if (!Files.isRegularFile(tar)) {
            return Optional.empty();
        }
        return Optional.of(read(meta(ref), tar));
    }

    public List<LocalImage> all() {
        List<LocalImage> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(dir, 2)) {
            for (Path yaml : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Path tar = yaml.resolveSibling(yaml.getFileName().toString().replaceFirst("\\.yaml$", ".tar"));
                if (Files.isRegularFile(tar)) {
                    out.add(read(yaml, tar));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    public boolean remove(ImageRef ref) throws IOException {
        boolean removed = Files.deleteIfExists(tarOf(ref));
        Files.deleteIfExists(meta(ref));
        return removed;
    }

    private Path meta(ImageRef ref) {
        return tarOf(ref).resolveSibling(ref.tag() + ".yaml");
    }

    private static LocalImage read(Path yaml, Path tar) {
        try {
            var n = YamlFields.YAML.readTree(yaml.toFile());
            return new LocalImage(n.path("reference").asText("?"), n.path("digest").asText("?"), tar);
        } catch (IOException e) {
            return new LocalImage("?", "?", tar);
        }
    }
}
