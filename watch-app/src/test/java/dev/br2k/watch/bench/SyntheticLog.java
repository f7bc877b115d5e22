package dev.br2k.watch.bench;

import dev.br2k.cluster.LogLine;
import dev.br2k.cluster.LogListener;
import dev.br2k.cluster.LogOptions;
import dev.br2k.cluster.LogStream;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/** The benchmarks' log stream: a thread writing {@code rate} realistic lines per second in 1 ms slices. */
final class SyntheticLog {

    private SyntheticLog() {
    }

    /** Starts the stream; {@code produced} counts the lines written, across streams. */
    static LogStream start(String replica, LogListener listener, int rate, AtomicLong produced) {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            long seq = 0;
            long reported = 0;
            while (running.get()) {
                long due = (System.nanoTime() - start) * rate / 1_000_000_000L;
                while (seq < due) {
                    seq++;
                    listener.onLine(new LogLine(replica, LogOptions.SERVICE, seq, Optional.of(Instant.now()),
                            "INFO  [replica=" + replica + " role=LEADER] applied entry " + seq
                                    + " PUT /kv/user-" + (seq % 997) + " -> SUCCESS in 0." + (seq % 9) + " ms"));
                }
                produced.addAndGet(seq - reported);
                reported = seq;
                LockSupport.parkNanos(1_000_000);
            }
        }, "log-generator");
        t.setDaemon(true);
        t.start();
        return new LogStream() {
            @Override
            public long delivered() {
                return produced.get();
            }

            @Override
            public boolean isOpen() {
                return running.get();
            }

            @Override
            public void close() {
                running.set(false);
            }
        };
    }
}
