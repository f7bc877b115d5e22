package dev.br2k.replication.internal.leader;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.protocol.LeaderValue;
import dev.br2k.replication.HttpMethod;
import dev.br2k.replication.RouteType;
import dev.br2k.replication.internal.leader.UnknownCommit.Outcome;
import dev.br2k.replication.internal.log.LogEntry;
import dev.br2k.replication.internal.log.ServiceStore.Written;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a leader decides from one read of the log whether its unanswered commit landed (spec §1.4). */
class UnknownCommitTest {
    private static final Fence FENCE = new Fence(new LeaderValue("r1", "http://127.0.0.1:1", 2), 100, 0x5eedL);
    private static final UnknownCommit COMMIT = new UnknownCommit(7, 9, "req-9");

    private static Optional<LogEntry> entry(String requestId) {
        return Optional.of(new LogEntry(requestId, RouteType.REPLICATE, HttpMethod.POST, "/c", "/c", Map.of(), Map.of(),
                Map.of(), "", 1, 2));
    }

    @Test
    void the_entry_written_after_the_fence_while_the_fence_holds_is_this_commit() {
        assertThat(COMMIT.outcome(new Written(entry("req-9"), 140, 100), FENCE)).isEqualTo(Outcome.LANDED);
    }

    @Test
    void the_entry_written_inside_the_fencing_window_landed_even_after_another_takeover() {
        assertThat(COMMIT.outcome(new Written(entry("req-9"), 140, 150), FENCE)).isEqualTo(Outcome.LANDED);
    }

    @Test
    void an_entry_written_by_the_next_leader_at_that_index_is_not_this_commit_even_with_the_same_request_id() {
        // the client retried at the next leader, which appended the same request at the same index
        assertThat(COMMIT.outcome(new Written(entry("req-9"), 160, 150), FENCE)).isEqualTo(Outcome.NOT_LANDED);
    }

    @Test
    void an_entry_of_another_request_is_not_this_commit() {
        assertThat(COMMIT.outcome(new Written(entry("other"), 160, 150), FENCE)).isEqualTo(Outcome.NOT_LANDED);
    }

    @Test
    void an_entry_from_before_the_takeover_is_not_this_commit() {
        assertThat(COMMIT.outcome(new Written(entry("req-9"), 90, 100), FENCE)).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void no_entry_while_the_fence_holds_is_undecided_since_a_late_delivery_can_still_land() {
        assertThat(COMMIT.outcome(new Written(Optional.empty(), 0, 100), FENCE)).isEqualTo(Outcome.UNDECIDED);
    }

    @Test
    void no_entry_once_the_fence_is_replaced_means_the_commit_never_lands() {
        assertThat(COMMIT.outcome(new Written(Optional.empty(), 0, 150), FENCE)).isEqualTo(Outcome.NOT_LANDED);
        assertThat(COMMIT.outcome(new Written(Optional.empty(), 0, 0), FENCE)).as("leader key deleted")
                .isEqualTo(Outcome.NOT_LANDED);
    }
}
