package dev.br2k.cluster.kubernetes;

import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.etcd.EtcdAccess;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** An in-memory etcd membership for tests that need no real etcd; records every change. */
final class FakeEtcd implements EtcdAccess {

    final List<MemberInfo> members = new ArrayList<>();
    final List<String> changes = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong(0x1000);

    FakeEtcd started(String name, String peerUrl) {
        members.add(new MemberInfo(Long.toHexString(ids.incrementAndGet()), name, List.of(peerUrl), List.of("http://" + name)));
        return this;
    }

    @Override
    public synchronized List<MemberInfo> members() {
        return List.copyOf(members);
    }

    @Override
    public synchronized MemberInfo addMember(String peerUrl) {
        for (MemberInfo m : members) {
            if (m.peerUrls().contains(peerUrl)) {
                return m;
            }
        }
        MemberInfo m = new MemberInfo(Long.toHexString(ids.incrementAndGet()), "", List.of(peerUrl), List.of());
        members.add(m);
        changes.add("add " + peerUrl);
        return m;
    }

    @Override
    public synchronized MemberInfo addLearner(String peerUrl) {
        MemberInfo m = addMember(peerUrl);
        changes.set(changes.size() - 1, "add learner " + peerUrl);
        return m;
    }

    /** Promotes a learner once it has started (a real etcd also waits until it caught up). */
    @Override
    public synchronized boolean promote(String memberIdHex) {
        boolean started = members.stream().anyMatch(m -> m.id().equals(memberIdHex) && m.started());
        if (started) {
            changes.add("promote " + memberIdHex);
        }
        return started;
    }

    @Override
    public synchronized boolean removeMember(String memberIdHex) {
        boolean removed = members.removeIf(m -> m.id().equals(memberIdHex));
        if (removed) {
            changes.add("remove " + memberIdHex);
        }
        return removed;
    }

    @Override
    public Map<String, String> range(String prefix) {
        return Map.of();
    }
}
