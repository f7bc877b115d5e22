package dev.br2k.cli.image;

import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import dev.br2k.cli.CliException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The operating-system layer under a jlink'd Java runtime, taken from the machine that made the runtime
 * (so the libraries match the ones the JDK was built against): glibc's loader and every shared library
 * that {@code ldd} finds for the runtime's executables and libraries (libc, libm, libz, libstdc++,
 * libgcc_s, ...), the C.UTF-8 locale, {@code /etc/passwd} and {@code /etc/group} with the non-root user
 * {@value #USER} ({@value #UID}), a world-writable {@code /tmp} (the JVM and a Learner write there), and,
 * for every Debian package those files come from, its copyright file under {@code /usr/share/doc} and a
 * line in {@value #PACKAGES_LIST} with its version (so the source of each LGPL/GPL-with-exception
 * library can be found in Debian's archive).
 *
 * <p>Fails, naming the library, when a library the runtime needs is not on this machine. Without
 * {@code dpkg-query} (a machine that is not Debian-based) the libraries are still copied and the
 * packages list says where they came from instead.
 */
final class BaseLayer {
    static final String USER = "br2k";
    static final int UID = 10001;
    static final String PACKAGES_LIST = "/usr/share/doc/br2k-base-layer/packages.txt";
    static final String LOCALE = "/usr/lib/locale/C.utf8";
    /**
     * glibc's other libraries, next to libc.so.6: native code in a service's dependencies (SQLite's JDBC
     * driver needs libpthread) or name lookups (the nss modules) load them, though the runtime does not.
     */
    static final List<String> GLIBC_FAMILY = List.of("libanl.so.1", "libdl.so.2", "libnss_dns.so.2",
            "libnss_files.so.2", "libpthread.so.0", "libresolv.so.2", "librt.so.1", "libutil.so.1");
    private static final Instant MTIME = Instant.ofEpochSecond(1);

    private BaseLayer() {
    }

    /** The files in the layer, built from {@code runtime}; generated files are written under {@code workDir}. */
    static FileEntriesLayer of(Path runtime, Path workDir, Consumer<String> progress) throws IOException {
        Map<String, Path> libraries = sharedLibraries(runtime);
        Files.createDirectories(workDir);
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName("base");
        for (Map.Entry<String, Path> lib : libraries.entrySet()) {
            Path real = lib.getValue().toRealPath();
            layer.addEntry(real, AbsoluteUnixPath.get(lib.getKey()), permissionsOf(real), MTIME);
        }
        Path locale = Path.of(LOCALE);
        if (Files.isDirectory(locale)) {
            addTree(layer, locale, AbsoluteUnixPath.get(LOCALE));
        }
        Path etc = Files.createDirectories(workDir.resolve("etc"));
        layer.addEntry(write(etc.resolve("passwd"), "root:x:0:0:root:/root:/usr/sbin/nologin\n"
                        + USER + ":x:" + UID + ":" + UID + ":BR2K service:/tmp:/usr/sbin/nologin\n"),
                AbsoluteUnixPath.get("/etc/passwd"), FilePermissions.fromOctalString("644"), MTIME);
        layer.addEntry(write(etc.resolve("group"), "root:x:0:\n" + USER + ":x:" + UID + ":\n"),
                AbsoluteUnixPath.get("/etc/group"), FilePermissions.fromOctalString("644"), MTIME);
        layer.addEntry(write(etc.resolve("nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files dns\n"),
                AbsoluteUnixPath.get("/etc/nsswitch.conf"), FilePermissions.fromOctalString("644"), MTIME);
        Path tmp = Files.createDirectories(workDir.resolve("tmp"));
        layer.addEntry(tmp, AbsoluteUnixPath.get("/tmp"), FilePermissions.fromOctalString("777"), MTIME);

        List<Path> sources = new ArrayList<>(libraries.values());
        if (Files.isDirectory(locale)) {
            sources.add(locale);
        }
        StringBuilder list = new StringBuilder("# The operating-system files of this image's base layer, copied from the\n"
                + "# machine that built it. Package, version: each package's source is in Debian's archive.\n");
        Map<String, String> packages = DebianPackages.owning(sources);
        if (packages.isEmpty()) {
            progress.accept("  warning: dpkg-query is not available, so the image names no package or licence for its"
                    + " system libraries; build on Debian or Ubuntu to have them recorded");
            libraries.values().forEach(p -> list.append("unpackaged ").append(p).append('\n'));
        }
        for (Map.Entry<String, String> pkg : packages.entrySet()) {
            list.append(pkg.getKey()).append(' ').append(pkg.getValue()).append('\n');
            String name = pkg.getKey().replaceAll(":.*", "");
            Path copyright = Path.of("/usr/share/doc", name, "copyright");
            if (Files.isRegularFile(copyright)) {
                layer.addEntry(copyright.toRealPath(), AbsoluteUnixPath.get(copyright.toString()),
                        FilePermissions.fromOctalString("644"), MTIME);
            }
        }
        layer.addEntry(write(workDir.resolve("packages.txt"), list.toString()), AbsoluteUnixPath.get(PACKAGES_LIST),
                FilePermissions.fromOctalString("644"), MTIME);
        return layer.build();
    }

    /**
     * The shared libraries the runtime's ELF files need, by the path the loader found them at (the
     * loader itself included), from {@code ldd}. Libraries inside the runtime are left out.
     */
    static Map<String, Path> sharedLibraries(Path runtime) throws IOException {
        List<Path> elfs;
        try (Stream<Path> files = Files.walk(runtime)) {
            elfs = files.filter(Files::isRegularFile).filter(BaseLayer::isElf).sorted().toList();
        }
        if (elfs.isEmpty()) {
            throw CliException.failed("the Java runtime in " + runtime + " holds no executable: run 'br2k build' again", null);
        }
        Set<String> inRuntime = new TreeSet<>();
        try (Stream<Path> files = Files.walk(runtime)) {
            files.forEach(f -> inRuntime.add(f.getFileName().toString()));
        }
        List<String> command = new ArrayList<>(List.of("ldd"));
        elfs.forEach(p -> command.add(p.toString()));
        String output = Processes.output(command, "ldd (Debian package libc-bin) lists the libraries the Java runtime needs");
        Map<String, Path> libraries = new TreeMap<>();
        String runtimePrefix = runtime.toAbsolutePath().toString();
        for (String raw : output.split("\n")) {
            String line = raw.strip();
            if (line.contains("=> not found")) {
                String name = line.substring(0, line.indexOf(' '));
                if (!inRuntime.contains(name)) {
                    throw CliException.failed("the Java runtime needs " + name + ", which is not installed on this machine:"
                            + " install the package that provides it and build again", null);
                }
            } else if (line.contains(" => /")) {
                String path = line.substring(line.indexOf("=> ") + 3, line.lastIndexOf(" ("));
                if (!path.startsWith(runtimePrefix)) {
                    libraries.put(path, Path.of(path));
                }
            } else if (line.startsWith("/") && line.contains(" (0x")) {
                String path = line.substring(0, line.indexOf(" (0x"));
                libraries.put(path, Path.of(path));
            }
        }
        if (libraries.keySet().stream().noneMatch(p -> p.contains("/ld-linux"))) {
            throw CliException.failed("ldd found no dynamic loader for the Java runtime in " + runtime
                    + " (is this a glibc-based Linux?); its output was:\n" + output, null);
        }
        String libc = libraries.keySet().stream().filter(p -> p.endsWith("/libc.so.6")).findFirst()
                .orElseThrow(() -> CliException.failed("ldd found no libc.so.6 for the Java runtime in " + runtime
                        + "; its output was:\n" + output, null));
        String libDir = libc.substring(0, libc.lastIndexOf('/') + 1);
        for (String name : GLIBC_FAMILY) {
            Path lib = Path.of(libDir + name);
            if (Files.isRegularFile(lib)) {
                libraries.put(libDir + name, lib);
            }
        }
        return libraries;
    }

    private static boolean isElf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    private static void addTree(FileEntriesLayer.Builder layer, Path dir, AbsoluteUnixPath target) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted().toList()) {
                String relative = dir.relativize(f).toString();
                Path real = f.toRealPath();
                layer.addEntry(real, relative.isEmpty() ? target : target.resolve(relative), permissionsOf(real), MTIME);
            }
        }
    }

    static FilePermissions permissionsOf(Path file) throws IOException {
        return FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(file));
    }

    private static Path write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        return file;
    }
}
