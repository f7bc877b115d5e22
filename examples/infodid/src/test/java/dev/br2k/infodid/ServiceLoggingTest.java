package dev.br2k.infodid;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceLoggingTest {

    @TempDir
    Path dir;

    private final LoggerContext context = new LoggerContext();

    @AfterEach
    void clearProperties() {
        System.clearProperty("logback.configurationFile");
        System.clearProperty("BR2K_LOG_FILE");
        System.clearProperty("BR2K_LOG_DEBUG");
        context.stop();
    }

    private void load(String resource) throws Exception {
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getClassLoader().getResource(resource));
    }

    @Test
    void a_replica_with_a_log_file_logs_br2k_at_info_and_libraries_from_warn_into_a_file_capped_at_10_mb() throws Exception {
        Path file = dir.resolve("service.log");
        System.setProperty("BR2K_LOG_FILE", file.toString());
        assertThat(ServiceLogging.configure(Map.of("BR2K_LOG_FILE", file.toString()))).isEqualTo(ServiceLogging.FILE_CONFIG);
        load(ServiceLogging.FILE_CONFIG);

        context.getLogger("dev.br2k.replication.internal.Replica").info("is now the leader");
        context.getLogger("dev.br2k.replication.internal.Replica").debug("a debug line of BR2K");
        context.getLogger("io.grpc.netty.NettyClientHandler").info("a frame dump");
        context.getLogger("io.grpc.netty.NettyClientHandler").warn("a library warning");

        assertThat(Files.readString(file)).contains("is now the leader").contains("a library warning")
                .doesNotContain("a debug line of BR2K").doesNotContain("a frame dump");
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        RollingFileAppender<?> appender = (RollingFileAppender<?>) root.getAppender("FILE");
        assertThat(((SizeBasedTriggeringPolicy<?>) appender.getTriggeringPolicy()).getMaxFileSize().getSize())
                .isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void br2k_log_debug_turns_debug_on_for_the_one_logger_it_names() throws Exception {
        System.setProperty("BR2K_LOG_DEBUG", "io.etcd.jetcd");
        load(ServiceLogging.CONSOLE_CONFIG);

        assertThat(context.getLogger("io.etcd.jetcd.impl.KVImpl").isDebugEnabled()).isTrue();
        assertThat(context.getLogger("io.grpc").isInfoEnabled()).isFalse();
        assertThat(context.getLogger("dev.br2k.replication").isInfoEnabled()).isTrue();
        assertThat(context.getLogger("dev.br2k.replication").isDebugEnabled()).isFalse();
    }

    @Test
    void a_configuration_given_on_the_command_line_wins() {
        System.setProperty("logback.configurationFile", "/etc/infodid/logback.xml");
        assertThat(ServiceLogging.configure(Map.of("BR2K_LOG_FILE", "/tmp/x.log"))).isEqualTo("/etc/infodid/logback.xml");
    }

    @Test
    void a_replica_without_a_log_file_logs_to_the_console() {
        assertThat(ServiceLogging.configure(Map.of())).isEqualTo(ServiceLogging.CONSOLE_CONFIG);
    }
}
