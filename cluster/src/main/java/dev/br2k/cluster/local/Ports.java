package dev.br2k.cluster.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Free loopback ports below Linux's ephemeral range, so no outgoing connection takes one before its server binds. */
final class Ports {

    private static final int LOW = 10_000;
    private static final int HIGH = 19_999;

    private Ports() {
    }

    static int free(Set<Integer> taken) {
        for (int attempt = 0; attempt < 2000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOW, HIGH);
            if (!taken.contains(port) && bindable(port)) {
                taken.add(port);
                return port;
            }
        }
        throw new dev.br2k.cluster.ClusterException("No free loopback port between " + LOW + " and " + HIGH
                + ". Stop some local clusters and try again.");
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
