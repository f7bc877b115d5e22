package dev.br2k.testkit;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ProcessReaperIT {

    @Test
    void a_test_jvm_killed_with_sigkill_leaves_no_etcd_process_and_no_data_behind() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dbr2k.root=" + Tools.projectRoot(), StartEtcdAndWait.class.getName())
                .redirectErrorStream(true).start();
        long etcdPid;
        Path dataDir;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            String ready = null;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("READY ")) {
                    ready = line;
                    break;
                }
            }
            assertThat(ready).as("the child JVM started etcd").isNotNull();
            List<String> fields = List.of(ready.split(" "));
            etcdPid = Long.parseLong(fields.get(1));
            dataDir = Path.of(fields.get(2));
        }
        assertThat(ProcessHandle.of(etcdPid)).isPresent();
        assertThat(dataDir).isDirectory();

        child.destroyForcibly();
        assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(ProcessHandle.of(etcdPid).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(Files.exists(dataDir)).isFalse();
        });
    }
}
