package dev.br2k.watch.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogLevelTest {

    @Test
    void the_level_is_read_from_logbacks_pattern_and_from_etcds_json() {
        assertThat(LogLevel.of("2026-12-06T10:00:00.000+01:00 WARN  [etcd-1] d.b.r.Lease - renewal took 900 ms")).isEqualTo(LogLevel.WARN);
        assertThat(LogLevel.of("2026-12-06T10:00:00.000+01:00 ERROR [http] d.b.r.Api - PUT failed")).isEqualTo(LogLevel.ERROR);
        assertThat(LogLevel.of("10:00:00.000 INFO  [main] d.b.Replica - became Leader")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.of("{\"level\":\"warn\",\"ts\":\"2026-12-06T10:00:00Z\",\"msg\":\"slow fdatasync\"}")).isEqualTo(LogLevel.WARN);
    }

    @Test
    void a_line_that_names_no_level_has_none_and_a_level_word_inside_the_message_does_not_count_as_one() {
        assertThat(LogLevel.of("\tat dev.br2k.Api.put(Api.java:42)")).isEqualTo(LogLevel.NONE);
        assertThat(LogLevel.of("2026-12-06 INFO  [main] d.b.Api - an ERROR code was returned")).isEqualTo(LogLevel.INFO);
        assertThat(LogLevel.of("INFORMATION WARNINGS")).isEqualTo(LogLevel.NONE);
    }
}
