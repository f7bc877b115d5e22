package dev.br2k.cluster.logs;

import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class FileLogStreamTest {

    @TempDir
    Path dir;

    final List<LogLine> lines = new CopyOnWriteArrayList<>();
    final List<String> gaps = new CopyOnWriteArrayList<>();
    final LogListener listener = new LogListener() {
        @Override
        public void onLine(LogLine line) {
            lines.add(line);
        }

        @Override
        public void onGap(String reason) {
            gaps.add(reason);
        }
    };

    Path log() {
        return dir.resolve("service.log");
    }

    void append(String... text) throws Exception {
        Files.writeString(log(), String.join("\n", text) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    List<String> texts() {
        return lines.stream().map(LogLine::text).toList();
    }

    FileLogStream open(LogOptions options) {
        FileLogStream s = new FileLogStream("kv-0", log(), dir.resolve("service.log.previous"), options, listener);
        s.start();
        return s;
    }

    @Test
    void tail_starts_with_the_last_lines_and_follow_delivers_what_is_written_next() throws Exception {
        append("one", "two", "three");
        try (FileLogStream s = open(LogOptions.builder().tailLines(2).build())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 2);
            append("four");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 3);
        }
        assertThat(texts()).containsExactly("two", "three", "four");
        assertThat(lines).extracting(LogLine::sequence).containsExactly(1L, 2L, 3L);
    }

    @Test
    void a_log_replaced_by_a_restarted_process_is_read_to_its_end_before_the_new_one() throws Exception {
        append("old-1");
        try (FileLogStream s = open(LogOptions.builder().allLines().build())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 1);
            append("old-2"); // written just before the restart, maybe not yet read
            Files.move(log(), dir.resolve("service.log.previous"), StandardCopyOption.REPLACE_EXISTING);
            append("new-1", "new-2");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 4);
        }
        assertThat(texts()).containsExactly("old-1", "old-2", "new-1", "new-2");
        assertThat(gaps).isEmpty();
    }

    @Test
    void a_stream_opened_at_the_end_follows_the_log_of_the_next_run() throws Exception {
        append("run-1 a", "run-1 b");
        try (FileLogStream s = open(LogOptions.builder().tailLines(0).build())) {
            await().atMost(Duration.ofSeconds(10)).until(s::isOpen);
            Thread.sleep(500); // let it settle at the end of run 1's log
            Files.move(log(), dir.resolve("service.log.previous"), StandardCopyOption.REPLACE_EXISTING);
            append("run-2 a", "run-2 b", "run-2 c");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 3);
        }
        assertThat(texts()).containsExactly("run-2 a", "run-2 b", "run-2 c");
    }

    @Test
    void a_truncated_log_is_reported_as_a_gap_and_reading_goes_on() throws Exception {
        append("a-long-first-line", "a-long-second-line");
        try (FileLogStream s = open(LogOptions.builder().allLines().build())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 2);
            Files.writeString(log(), "x\n", StandardOpenOption.TRUNCATE_EXISTING);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 3);
        }
        assertThat(gaps).singleElement().asString().contains("truncated");
        assertThat(texts()).endsWith("x");
    }

    @Test
    void a_partial_line_waits_for_its_end() throws Exception {
        Files.writeString(log(), "hal", StandardOpenOption.CREATE);
        try (FileLogStream s = open(LogOptions.builder().allLines().build())) {
            Files.writeString(log(), "f\n", StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 1);
        }
        assertThat(texts()).containsExactly("half");
    }

    @Test
    void since_skips_lines_written_before_it_and_keeps_untimed_lines_with_their_predecessor() throws Exception {
        append("2026-01-01T10:00:00Z early", "  continued early", "2026-01-01T10:05:00Z late", "  continued late");
        try (FileLogStream s = open(LogOptions.builder().allLines().follow(false)
                .since(Instant.parse("2026-01-01T10:01:00Z")).build())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !s.isOpen());
        }
        assertThat(texts()).containsExactly("2026-01-01T10:05:00Z late", "  continued late");
        assertThat(lines.get(0).timestamp()).contains(Instant.parse("2026-01-01T10:05:00Z"));
    }

    @Test
    void lines_that_start_with_only_a_time_of_day_are_taken_as_today() {
        assertThat(LineTimestamps.leading("06:14:38.219 INFO  d.b.r.i.Replica [kv-0 LEARNER] restored"))
                .contains(java.time.LocalDate.now().atTime(6, 14, 38, 219_000_000)
                        .atZone(java.time.ZoneId.systemDefault()).toInstant());
        assertThat(LineTimestamps.leading("no time here")).isEmpty();
    }

    @Test
    void previous_reads_the_log_of_the_previous_run_and_ends() throws Exception {
        Files.writeString(dir.resolve("service.log.previous"), "before the crash\n");
        try (FileLogStream s = open(LogOptions.builder().previous(true).allLines().build())) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !s.isOpen());
        }
        assertThat(texts()).containsExactly("before the crash");
    }

    @Test
    void a_log_that_does_not_exist_yet_is_waited_for() throws Exception {
        try (FileLogStream s = open(LogOptions.builder().allLines().build())) {
            Thread.onSpinWait();
            append("first");
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() == 1);
            assertThat(s.isOpen()).isTrue();
        }
    }
}
