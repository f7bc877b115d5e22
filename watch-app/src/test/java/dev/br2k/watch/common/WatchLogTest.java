package dev.br2k.watch.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Watch's log lives in its own directory ($BR2K_CONFIG_DIR), readable by its owner only. */
class WatchLogTest {

    @TempDir
    Path dir;

    @AfterEach
    void forgetTheLogDirectory() {
        System.clearProperty("br2k.watch.logDir");
    }

    @Test
    void the_watchs_logback_configuration_writes_to_the_directory_it_is_given() throws Exception {
        Path logDir = dir.resolve("br2k-config");
        Files.createDirectories(logDir);
        System.setProperty("br2k.watch.logDir", logDir.toString());

        logWithTheWatchsConfiguration("a line for the log file");

        assertThat(logDir.resolve("watch.log")).content().contains("a line for the log file");
    }

    @Test
    void the_log_is_prepared_in_br2k_config_dir_private_before_logback_opens_it() throws Exception {
        Path home = WatchHome.resolve(Map.of("BR2K_CONFIG_DIR", dir.resolve("explicit").toString(),
                "XDG_CONFIG_HOME", dir.resolve("xdg").toString()), "/home/nobody");

        Path log = WatchHome.prepareLog(home);
        logWithTheWatchsConfiguration("prepared");

        assertThat(log).isEqualTo(dir.resolve("explicit/watch.log"));
        assertThat(log).content().contains("prepared");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(WatchHome.logFile()).isEqualTo(log);
    }

    @Test
    void without_br2k_config_dir_the_watch_uses_xdg_config_home_then_the_users_config_directory() {
        assertThat(WatchHome.resolve(Map.of("XDG_CONFIG_HOME", "/xdg"), "/home/ops")).isEqualTo(Path.of("/xdg/br2k"));
        assertThat(WatchHome.resolve(Map.of("BR2K_CONFIG_DIR", " "), "/home/ops")).isEqualTo(Path.of("/home/ops/.config/br2k"));
    }

    /** Configures a fresh logback context from the Watch's own logback.xml (not the tests') and logs one WARN line. */
    private static void logWithTheWatchsConfiguration(String message) throws Exception {
        URL config = WatchLogTest.class.getResource("/logback.xml");
        assertThat(config).as("the Watch's logback.xml on the class path").isNotNull();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(config);
        context.getLogger("dev.br2k.watch.WatchLogTest").warn(message);
        context.stop();
    }
}
