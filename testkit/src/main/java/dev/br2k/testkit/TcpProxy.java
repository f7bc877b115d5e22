package dev.br2k.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free loopback port in front of one server (e.g. an etcd member's client URL), for fault
 * injection: {@link #dropAnswers()} keeps forwarding what clients send but throws away what the server
 * answers, so a write lands while its client never learns it did; {@link #heal()} closes every connection
 * (a stream cut in the middle of a frame cannot be resumed) and forwards both ways again.
 *
 * <pre>{@code
 * try (TcpProxy proxy = TcpProxy.start(member.clientUrl())) {
 *     var client = Client.builder().endpoints(proxy.url().toString()).build();
 *     proxy.dropAnswers();   // writes land, answers are lost: the client times out
 *     proxy.heal();
 * }
 * }</pre>
 */
public final class TcpProxy implements AutoCloseable {
    private final URI target;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean dropAnswers;
    private volatile boolean closed;

    private TcpProxy(URI target, ServerSocket server) {
        this.target = target;
        this.server = server;
    }

    /** Starts a proxy to {@code target} ({@code scheme://host:port}, the scheme is kept in {@link #url()}). */
    public static TcpProxy start(URI target) {
        if (target.getHost() == null || target.getPort() <= 0) {
            throw new IllegalArgumentException("target must name a host and a port, was " + target);
        }
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(target, server);
            Thread accept = new Thread(proxy::acceptLoop, "tcp-proxy-" + server.getLocalPort());
            accept.setDaemon(true);
            accept.start();
            return proxy;
        } catch (IOException e) {
            throw new TestkitException("cannot open a proxy port for " + target + ": " + e.getMessage(), e);
        }
    }

    /** Where clients connect instead of the target, with the target's scheme. */
    public URI url() {
        return URI.create(target.getScheme() + "://127.0.0.1:" + server.getLocalPort());
    }

    /** From now on the server's answers are read and discarded; what clients send still reaches it. */
    public void dropAnswers() {
        dropAnswers = true;
    }

    /** Forwards both ways again, after closing every open connection so that clients reconnect cleanly. */
    public void heal() {
        closeConnections();
        dropAnswers = false;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(target.getHost(), target.getPort()), 2000);
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream, false);
                pump(upstream, client, true);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to, boolean answers) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[64 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    if (!(answers && dropAnswers)) {
                        out.write(buf, 0, n);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // the other side closed, or heal() cut the connection
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        }, "tcp-proxy-pump-" + server.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    private void closeConnections() {
        for (Socket s : sockets) {
            quietlyClose(s);
        }
        sockets.clear();
    }

    private static void quietlyClose(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() {
        closed = true;
        quietlyClose(server);
        closeConnections();
    }

    private static void quietlyClose(ServerSocket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
