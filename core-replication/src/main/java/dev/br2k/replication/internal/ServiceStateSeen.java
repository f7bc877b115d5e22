package dev.br2k.replication.internal;

/** A {@code service-state} value the watch delivered ({@code -1} before any) and the etcd revision that wrote it. */
public record ServiceStateSeen(long ssi, long revision) { }
