package dev.br2k.cli.sandbox;

import dev.br2k.cli.Common;
import dev.br2k.cluster.local.ProcessRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens BR2K Watch with a profile. Its class path comes from {@code $BR2K_WATCH_CLASSPATH} (the
 * launcher sets it) or from the checkout's {@code watch-app/target}. Without a display it runs under
 * Xvfb ({@code xvfb-run}), so the window exists for screenshots and checks.
 */
final class Watch {
    static final String MAIN = "dev.br2k.watch.Br2kWatch";
    /**
     * The Watch's JVM options, as the installer's launcher sets them ({@code packaging/src/jpackage/build-installers.sh}):
     * C1 only, because on a small machine the C2 compiler took the second core while a page opened or the
     * dashboard filtered, doubling the window's stalls (watch-app README, "The header first, and the JIT").
     */
    static final List<String> JVM_OPTIONS = List.of("-Xss1m", "-XX:TieredStopAtLevel=1");

    private Watch() {
    }

    static Optional<ProcessRecord> open(Common common, Path profile, Path log) {
        Optional<String> classpath = classpath(common.env());
        Optional<Installation> installed = Installation.current().filter(i -> Files.isExecutable(i.watchLauncher()));
        if (classpath.isEmpty() && installed.isEmpty()) {
            common.progress("  BR2K Watch is not built here, so it was not opened. Build it (cd watch-app && mvn -q package),");
            common.progress("  or open it elsewhere with: java -cp <watch jars> " + MAIN + " --profile " + profile);
            return Optional.empty();
        }
        List<String> cmd = new ArrayList<>();
        String display = common.env().get("DISPLAY");
        if (display == null || display.isBlank()) {
            if (!Files.isExecutable(Path.of("/usr/bin/xvfb-run"))) {
                common.progress("  There is no display and no xvfb-run (apt-get install -y xvfb): BR2K Watch was not opened.");
                return Optional.empty();
            }
            cmd.addAll(List.of("/usr/bin/xvfb-run", "-a", "-s", "-screen 0 1280x800x24"));
            common.progress("  no DISPLAY: running BR2K Watch under Xvfb");
        }
        if (classpath.isPresent()) {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(JVM_OPTIONS);
            cmd.addAll(List.of("-cp", classpath.get(), MAIN, "--profile", profile.toString()));
        } else {
            cmd.addAll(List.of(installed.get().watchLauncher().toString(), "--profile", profile.toString()));
        }
        ProcessRecord p = DetachedProcess.start(cmd, Map.of(), log);
        common.progress("  BR2K Watch started (pid " + p.pid() + "); log: " + log);
        return Optional.of(p);
    }

    static Optional<String> classpath(Map<String, String> env) {
        String fromEnv = env.get("BR2K_WATCH_CLASSPATH");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(fromEnv);
        }
        Optional<Path> root = ProjectRoot.find(env);
        if (root.isEmpty()) {
            return Optional.empty();
        }
        Path target = root.get().resolve("watch-app/target");
        Path classes = target.resolve("classes");
        Path deps = target.resolve("classpath.txt");
        if (!Files.isDirectory(classes) || !Files.isRegularFile(deps)) {
            return Optional.empty();
        }
        try {
            return Optional.of(classes + java.io.File.pathSeparator + Files.readString(deps).trim());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
