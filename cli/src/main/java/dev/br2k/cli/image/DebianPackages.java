package dev.br2k.cli.image;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** Which installed Debian packages files come from, asked of {@code dpkg-query}. */
final class DebianPackages {
    private DebianPackages() {
    }

    /**
     * The packages ({@code name:arch} as dpkg names them) that own {@code files} (by the path given or the
     * path its links lead to), with their versions; empty when {@code dpkg-query} is not installed.
     */
    static Map<String, String> owning(List<Path> files) throws IOException {
        List<String> search = new ArrayList<>(List.of("dpkg-query", "-S"));
        for (Path f : files) {
            search.add(f.toString());
            Path real = f.toRealPath();
            if (!real.equals(f)) {
                search.add(real.toString());
            }
        }
        Optional<String> found = Processes.outputIfInstalled(search);
        if (found.isEmpty()) {
            return Map.of();
        }
        TreeSet<String> names = new TreeSet<>();
        for (String line : found.get().split("\n")) {
            int colon = line.indexOf(": /");
            if (colon > 0 && !line.startsWith("diversion by")) {
                for (String name : line.substring(0, colon).split(",")) {
                    names.add(name.strip());
                }
            }
        }
        Map<String, String> versions = new TreeMap<>();
        if (names.isEmpty()) {
            return versions;
        }
        List<String> show = new ArrayList<>(List.of("dpkg-query", "-W", "-f", "${binary:Package} ${Version}\\n"));
        show.addAll(names);
        for (String line : Processes.outputIfInstalled(show).orElse("").split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            if (parts.length == 2) {
                versions.put(parts[0], parts[1]);
            }
        }
        return versions;
    }
}
