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

    @Test
    void a_full_buffer_drops_the_oldest_rows_in_the_same_change_that_appends() {
        LogBuffer buffer = new LogBuffer(100);
        for (int i = 0; i < 100; i++) {
            buffer.offer(line(i));
        }
        buffer.drain();
        java.util.List<String> seen = new java.util.ArrayList<>();
        buffer.lines().addListener((ListChangeListener<LogEntry>) c -> {
            while (c.next()) {
                seen.add((c.wasRemoved() ? "removed " + c.getRemovedSize() + " at " + c.getFrom() : "")
                        + (c.wasAdded() ? "added " + c.getAddedSize() + " at " + c.getFrom() : ""));
            }
        });
        for (int i = 100; i < 130; i++) {
            buffer.offer(line(i));
        }

        buffer.drain();

        assertThat(seen).containsExactly("removed 30 at 0", "added 30 at 70");
        assertThat(buffer.lines()).hasSize(100);
        assertThat(buffer.lines().get(0).text()).isEqualTo("line 30");
        assertThat(buffer.lines().get(99).text()).isEqualTo("line 129");
    }

    @Test
    void a_drain_moves_at_most_the_chunk_asked_for_and_the_rest_waits_in_order() {
        LogBuffer buffer = new LogBuffer(1000);
        for (int i = 0; i < 700; i++) {
            buffer.offer(line(i));
        }

        assertThat(buffer.drain(250)).isEqualTo(250);
        assertThat(buffer.pending()).isEqualTo(450);
        assertThat(buffer.lines()).extracting(LogEntry::text).endsWith("line 249");
        buffer.drain(250);
        buffer.drain(250);
        assertThat(buffer.lines()).extracting(LogEntry::text).startsWith("line 0").endsWith("line 699");
        assertThat(buffer.pending()).isZero();
    }

    @Test
    void the_rows_cannot_be_changed_from_outside_the_buffer() {
        LogBuffer buffer = new LogBuffer(10);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> buffer.lines().add(line(1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
