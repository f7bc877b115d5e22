package dev.br2k.watch.logs;

import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class LogBufferTest {

    static LogEntry line(int i) {
        return LogEntry.line("kv-0", Optional.empty(), "line " + i);
    }

    @Test
    void keeps_at_most_its_capacity_dropping_the_oldest_lines() {
        LogBuffer buffer = new LogBuffer(100);
        for (int i = 0; i < 250; i++) {
            buffer.offer(line(i));
            if (i % 30 == 0) {
                buffer.drain();
            }
        }
        buffer.drain();

        assertThat(buffer.lines()).hasSize(100);
        assertThat(buffer.lines().get(0).text()).isEqualTo("line 150");
        assertThat(buffer.lines().get(99).text()).isEqualTo("line 249");
    }

    @Test
    void a_flood_while_the_view_is_not_draining_costs_at_most_capacity_lines() {
        LogBuffer buffer = new LogBuffer(100);
        for (int i = 0; i < 10_000; i++) {
            buffer.offer(line(i));
        }
        assertThat(buffer.pending()).isEqualTo(100);
        assertThat(buffer.dropped()).isEqualTo(9_900);
        buffer.drain();
        assertThat(buffer.lines()).extracting(LogEntry::text).startsWith("line 9900").endsWith("line 9999");
    }

    @Test
    void lines_arrive_in_the_view_in_one_batch_per_drain() {
        LogBuffer buffer = new LogBuffer(1000);
        AtomicInteger changes = new AtomicInteger();
        buffer.lines().addListener((ListChangeListener<LogEntry>) c -> changes.incrementAndGet());
        for (int i = 0; i < 500; i++) {
            buffer.offer(line(i));
        }

        assertThat(buffer.drain()).isEqualTo(500);
        assertThat(changes).hasValue(1);
    }
}
