package dev.br2k.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.br2k.robustness.fault.FaultKind;
import dev.br2k.robustness.network.Shell;
import dev.br2k.robustness.report.ExperimentReport;
import dev.br2k.robustness.report.MarkdownReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The experiment's short mode, as CI runs it: real etcd members and KvService replicas in their own
 * network namespaces, five clients, and five faults of every kind against the leader.
 */
class ShortRunIT {

    @Test
    void under_every_kind_of_fault_nothing_acknowledged_is_lost_nothing_is_applied_twice_and_replicas_end_identical()
            throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")),
                "the robustness experiment needs root for network namespaces");
        ExperimentOptions options = ExperimentOptions.parse("--short");

        ExperimentReport report = new ExperimentRun(options, "mvn verify (ShortRunIT)").run();

        String md = MarkdownReport.render(report);
        System.out.println(md);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "robustness-short-report.md"), md);
        assertThat(report.acked()).as("acknowledged requests").isGreaterThanOrEqualTo(300);
        for (FaultKind kind : FaultKind.values()) {
            // 5 of every kind take ~90 s on an idle 2-core machine; the load phase is capped at 130 s to
            // keep CI within 3 minutes, so a heavily loaded machine may get fewer (the report says so).
            assertThat(report.failovers()).as("faults of kind " + kind)
                    .filteredOn(f -> f.fault().kind() == kind).isNotEmpty();
        }
        assertThat(report.lostInLog() + report.lostInState()).as("acknowledged but missing").isZero();
        assertThat(report.duplicatesInLog() + report.duplicatesInState() + report.duplicatesSeenByClients())
                .as("applied twice").isZero();
        assertThat(report.differences()).as("differences between the replicas' databases").isEmpty();
        assertThat(report.replicasIdentical()).isTrue();
        assertThat(Shell.run("ip", "netns", "list")).as("namespaces left behind").doesNotContain(report.runId());
        assertThat(Shell.run("ip", "-o", "link")).as("links left behind").doesNotContain(report.runId());
    }
}
