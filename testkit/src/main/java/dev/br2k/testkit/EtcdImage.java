package dev.br2k.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An etcd container image made from the machine's own etcd ({@code /usr/bin/etcd}, Debian's 3.4.23) and
 * the shared libraries {@code ldd} says it loads, since no image can be pulled here. It runs as any user
 * (the pods' 10001 has an entry in {@code /etc/passwd}), with {@code etcd} on the PATH and a writable
 * {@code /tmp}.
 *
 * <pre>{@code
 * EtcdImage.build(podman, tempDir, "localhost/br2k-etcd:3.4.23");
 * }</pre>
 */
public final class EtcdImage {
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.\\d]*)");

    private EtcdImage() {
    }

    public static void build(Podman podman, Path workDir, String image) {
        Path etcd = Tools.etcd();
        try {
            Path root = workDir.resolve("rootfs");
            copy(etcd, root.resolve("usr/bin/etcd"));
            for (String library : libraries(etcd)) {
                copy(Path.of(library), root.resolve(library.substring(1)));
            }
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/passwd"), "root:x:0:0::/root:/sbin/nologin\nbr2k:x:10001:10001::/tmp:/sbin/nologin\n");
            Files.writeString(root.resolve("etc/group"), "root:x:0:\nbr2k:x:10001:\n");
            Path tmp = Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxrwxrwx"));
            Path tar = workDir.resolve("etcd-rootfs.tar");
            run(List.of("tar", "-C", root.toString(), "-cf", tar.toString(), "."));
            podman.run("import", "--change", "ENV PATH=/usr/bin:/bin", "--change", "USER 10001", tar.toString(), image).orThrow();
        } catch (IOException e) {
            throw new TestkitException("cannot build the etcd image under " + workDir + ": " + e.getMessage(), e);
        }
    }

    private static List<String> libraries(Path binary) throws IOException {
        String out = run(List.of("ldd", binary.toString()));
        List<String> libs = new ArrayList<>();
        Matcher m = LIBRARY.matcher(out);
        while (m.find()) {
            libs.add(m.group(1));
        }
        if (libs.isEmpty()) {
            throw new TestkitException("ldd " + binary + " names no libraries: " + out);
        }
        return libs;
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from.toRealPath(), to, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static String run(List<String> command) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new TestkitException(String.join(" ", command) + " failed: " + out);
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestkitException("interrupted: " + String.join(" ", command), e);
        }
    }
}
