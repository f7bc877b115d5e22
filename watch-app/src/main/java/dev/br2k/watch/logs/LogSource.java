package dev.br2k.watch.logs;

import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;

/** Opens a replica's log stream; in the app, {@link dev.br2k.cluster.Br2kCluster#logs}. */
@FunctionalInterface
public interface LogSource {

    LogStream open(String replica, LogOptions options, LogListener listener);
}
