package dev.br2k.testkit;

import dev.br2k.testkit.internal.PlainEtcdHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class EtcdClusterIT {

    @RegisterExtension
    final EtcdCluster etcd = EtcdCluster.builder().members(3).build();

    @Test
    void three_members_form_one_cluster_with_one_leader() {
        assertThat(etcd.members()).hasSize(3).allMatch(EtcdMember::isRunning);
        assertThat(etcd.memberIdsReportedByEtcd())
                .containsExactlyInAnyOrderElementsOf(etcd.members().stream().map(EtcdMember::memberId).toList());
        assertThat(etcd.endpoints().split(",")).hasSize(3);
        assertThat(etcd.leader()).isIn(etcd.members());
    }

    @Test
    void after_the_leader_is_killed_another_member_leads_and_accepts_writes() {
        EtcdMember old = etcd.leader();
        etcd.kill(old);
        assertThat(old.isRunning()).isFalse();

        EtcdMember next = etcd.leader();
        assertThat(next).isNotEqualTo(old);
        PlainEtcdHttp.put(next.clientUrl(), "after-failover", "written");
        EtcdMember other = etcd.members().stream().filter(m -> m != old && m != next).findFirst().orElseThrow();
        assertThat(PlainEtcdHttp.get(other.clientUrl(), "after-failover")).contains("written");
    }

    @Test
    void a_paused_member_resumes_and_catches_up_on_writes_it_missed() {
        EtcdMember follower = etcd.members().stream().filter(m -> m != etcd.leader()).findFirst().orElseThrow();
        etcd.pause(follower);
        PlainEtcdHttp.put(etcd.leader().clientUrl(), "while-paused", "42");

        etcd.resume(follower);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(PlainEtcdHttp.get(follower.clientUrl(), "while-paused")).contains("42"));
    }

    @Test
    void a_killed_member_restarts_on_its_own_data() {
        PlainEtcdHttp.put(etcd.leader().clientUrl(), "durable", "yes");
        EtcdMember member = etcd.members().get(0);
        long id = member.memberId();
        etcd.kill(member);

        etcd.restart(member);
        assertThat(member.isRunning()).isTrue();
        assertThat(member.memberId()).isEqualTo(id);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(PlainEtcdHttp.get(member.clientUrl(), "durable")).contains("yes"));
    }

    @Test
    void a_member_can_be_added_and_removed() {
        EtcdMember added = etcd.addMember();
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(4).contains(added.memberId());
        PlainEtcdHttp.put(etcd.leader().clientUrl(), "seen-by-new-member", "hello");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(PlainEtcdHttp.get(added.clientUrl(), "seen-by-new-member")).contains("hello"));

        etcd.removeMember(added);
        assertThat(etcd.members()).hasSize(3).doesNotContain(added);
        assertThat(etcd.memberIdsReportedByEtcd()).hasSize(3).doesNotContain(added.memberId());
        assertThat(added.dataDir()).doesNotExist();
    }

    @Test
    void a_graceful_stop_of_the_leader_hands_leadership_over() {
        EtcdMember old = etcd.leader();
        etcd.stop(old);
        EtcdMember next = etcd.leader();
        assertThat(next).isNotEqualTo(old);
        assertThat(Optional.of(next)).isEqualTo(etcd.currentLeader());
    }
}
