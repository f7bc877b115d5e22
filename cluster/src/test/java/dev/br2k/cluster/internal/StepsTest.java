package dev.br2k.cluster.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.br2k.cluster.Operation;
import dev.br2k.cluster.ProgressEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {

    private final List<ProgressEvent> events = new ArrayList<>();
    private final Steps steps = new Steps(Operation.DEPLOY, events::add);

    private List<ProgressEvent> ended() {
        return events.stream().filter(e -> e.status() != ProgressEvent.Status.STARTED).toList();
    }

    @Test
    void a_step_that_changed_something_reports_what_it_did_not_its_own_name_again() {
        steps.step("start etcd infodid-0", () -> StepOutcome.changed("pid 7078, client port 15808"));
        steps.run("plan 3 replicas", () -> true);

        assertThat(ended()).extracting(ProgressEvent::status, ProgressEvent::detail).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ProgressEvent.Status.DONE, "pid 7078, client port 15808"),
                org.assertj.core.groups.Tuple.tuple(ProgressEvent.Status.DONE, ""));
        assertThat(steps.changes()).containsExactly("start etcd infodid-0", "plan 3 replicas");
    }

    @Test
    void a_wait_is_reported_done_with_its_time_not_as_already_in_place_and_changes_nothing() {
        steps.await("wait for etcd members of infodid", () -> true);

        assertThat(ended()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ProgressEvent.Status.DONE);
            assertThat(e.detail()).matches("after \\d+\\.\\d s");
        });
        assertThat(steps.changes()).isEmpty();
    }

    @Test
    void only_a_step_that_found_everything_in_place_says_so() {
        steps.run("start etcd infodid-0", () -> false);

        assertThat(ended()).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(ProgressEvent.Status.SKIPPED);
            assertThat(e.detail()).isEqualTo("already in place");
        });
    }
}
