package dev.br2k.replication.internal.log;

/** The value of {@code leader}: who leads, where clients reach it, and the etcd term it took over in. */
public record LeaderValue(String id, String url, long term) {
}
