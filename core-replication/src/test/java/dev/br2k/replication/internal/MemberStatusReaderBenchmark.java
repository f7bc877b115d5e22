package dev.br2k.replication.internal;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.internal.access.EtcdAccess;
import dev.br2k.testkit.EtcdCluster;
import dev.br2k.testkit.tls.TlsFiles;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;

/**
 * Prints what one role-loop status read costs over plain HTTP and over HTTPS with a client certificate, each on
 * its one kept-alive connection, against single-member etcds started in the same run: median and 99th percentile
 * latency and this JVM's CPU per read (every thread: the HTTP client's selector, TLS, GC). Run in core-replication
 * (the exec plugin is bound to {@code ReplicationBenchmark}):
 * {@code mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test && java -cp
 * target/test-classes:target/classes:$(cat cp.txt) dev.br2k.replication.internal.MemberStatusReaderBenchmark [reads]}.
 */
public final class MemberStatusReaderBenchmark {
    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        System.out.printf("load average at start: %s%n", Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        try (EtcdCluster plain = EtcdCluster.builder().members(1).build().start();
             EtcdCluster tls = EtcdCluster.builder().members(1).tls().build().start()) {
            URI plainUrl = plain.clientUrls().get(0);
            URI tlsUrl = tls.clientUrls().get(0);
            TlsFiles f = tls.clientTls().orElseThrow();
            EtcdAccess tlsAccess = EtcdAccess.load(new Br2kConfig().etcdEndpoints(tlsUrl.toString())
                    .etcdCaFile(f.caFile()).etcdClientCertificate(f.certFile(), f.keyFile()));
            MemberStatusReader plainReader = new MemberStatusReader(plainUrl, Duration.ofSeconds(1));
            MemberStatusReader tlsReader = new MemberStatusReader(tlsUrl, Duration.ofSeconds(1), tlsAccess);
            System.out.printf("%-28s %10s %10s %14s%n", "status read (" + reads + "x)", "median ms", "p99 ms", "JVM CPU ms/read");
            for (int round = 1; round <= 2; round++) {
                row("plain HTTP, round " + round, plainReader, reads);
                row("HTTPS + client cert, round " + round, tlsReader, reads);
            }
        }
        System.out.printf("load average at end: %s%n", Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.exit(0);
    }

    private static void row(String name, MemberStatusReader reader, int reads) throws Exception {
        for (int i = 0; i < 300; i++) {
            reader.read().orElseThrow(); // warm-up (and the one TLS handshake)
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] nanos = new long[reads];
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < reads; i++) {
            long t0 = System.nanoTime();
            reader.read().orElseThrow();
            nanos[i] = System.nanoTime() - t0;
        }
        long cpu = os.getProcessCpuTime() - cpu0;
        Arrays.sort(nanos);
        System.out.printf("%-28s %10.3f %10.3f %14.3f%n", name, nanos[reads / 2] / 1e6, nanos[reads * 99 / 100] / 1e6,
                cpu / 1e6 / reads);
    }
}
