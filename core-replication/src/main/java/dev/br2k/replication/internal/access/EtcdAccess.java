package dev.br2k.replication.internal.access;

import dev.br2k.replication.Br2kConfig;
import dev.br2k.replication.EtcdAccessException;
import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.ClientBuilder;

import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * How this replica reaches etcd: plain, or TLS with the CA, client certificate and key of {@link Br2kConfig},
 * and etcd's user and password. Loaded once when the replica starts (every file read and checked then), and
 * applied to every jetcd client and to the JSON-gateway HTTP client the role loop uses.
 */
public final class EtcdAccess {
    static final String CA = "the etcd CA file (BR2K_ETCD_CA_FILE)";
    static final String CERT = "the etcd client certificate (BR2K_ETCD_CERT_FILE)";
    static final String KEY = "the etcd client key (BR2K_ETCD_KEY_FILE)";
    static final String PASSWORD = "the etcd password file (BR2K_ETCD_PASSWORD_FILE)";

    private final Optional<Tls> tls;
    private final Optional<User> user;

    /** The loaded TLS material: trusted CAs (empty: the JVM's own), and the client certificate chain and key. */
    private record Tls(List<X509Certificate> trusted, Optional<PrivateKey> key, List<X509Certificate> chain,
                       SSLContext sslContext) {
    }

    private record User(String name, String password) {
    }

    private EtcdAccess(Optional<Tls> tls, Optional<User> user) {
        this.tls = tls;
        this.user = user;
    }

    /** Plain HTTP, no auth: what a replica without etcd credentials uses. */
    public static EtcdAccess plain() {
        return new EtcdAccess(Optional.empty(), Optional.empty());
    }

    /**
     * Reads and checks the files the config names.
     *
     * @throws EtcdAccessException naming the setting that is wrong and what to do
     */
    public static EtcdAccess load(Br2kConfig config) {
        boolean https = config.etcdEndpoints().stream().anyMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
        boolean http = config.etcdEndpoints().stream().anyMatch(u -> !"https".equalsIgnoreCase(u.getScheme()));
        boolean tlsFiles = config.etcdCaFile().isPresent() || config.etcdCertFile().isPresent();
        if (tlsFiles && http) {
            throw new EtcdAccessException("etcd TLS files are set but the etcd endpoints " + config.etcdEndpoints()
                    + " include plain http:// URLs, which would bypass them. Use https:// for every endpoint"
                    + " (BR2K_ETCD_ENDPOINTS), or unset BR2K_ETCD_CA_FILE, BR2K_ETCD_CERT_FILE and BR2K_ETCD_KEY_FILE.");
        }
        if (https && http) {
            throw new EtcdAccessException("the etcd endpoints " + config.etcdEndpoints() + " mix http:// and https://."
                    + " etcd serves one or the other on its client port: use one scheme for every endpoint.");
        }
        Optional<Tls> tls = https ? Optional.of(tls(config)) : Optional.empty();
        Optional<User> user = config.etcdUser().map(name -> new User(name, password(config.etcdPasswordFile().orElseThrow())));
        return new EtcdAccess(tls, user);
    }

    public boolean isPlain() {
        return tls.isEmpty() && user.isEmpty();
    }

    public boolean usesTls() {
        return tls.isPresent();
    }

    public Optional<String> userName() {
        return user.map(User::name);
    }

    /** A jetcd builder for these endpoints with TLS and the user applied; the caller adds its own options. */
    public ClientBuilder clientBuilder(List<URI> endpoints) {
        ClientBuilder builder = Client.builder().endpoints(endpoints.toArray(URI[]::new));
        tls.ifPresent(t -> {
            try {
                builder.sslContext(b -> {
                    if (!t.trusted().isEmpty()) {
                        b.trustManager(t.trusted().toArray(X509Certificate[]::new));
                    }
                    t.key().ifPresent(k -> b.keyManager(k, t.chain().toArray(X509Certificate[]::new)));
                });
            } catch (javax.net.ssl.SSLException e) {
                throw new EtcdAccessException("cannot set up TLS for etcd with " + CA + ", " + CERT + " and " + KEY
                        + ": " + e.getMessage(), e);
            }
            // One name for every endpoint: the host of the co-located member, which its certificate must name
            // (127.0.0.1 on Kubernetes). gRPC checks it against the certificate of whichever member it reaches.
            builder.authority(endpoints.get(0).getHost() + ":" + port(endpoints.get(0)));
        });
        user.ifPresent(u -> builder.user(ByteSequence.from(u.name(), StandardCharsets.UTF_8))
                .password(ByteSequence.from(u.password(), StandardCharsets.UTF_8)));
        return builder;
    }

    /** An HTTP client for etcd's JSON gateway: HTTP/1.1, with TLS and the client certificate when set. */
    public HttpClient httpClient(java.time.Duration connectTimeout) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout);
        tls.ifPresent(t -> b.sslContext(t.sslContext()));
        return b.build();
    }

    /**
     * Opens one TLS connection to {@code member} the blocking way, sends a request and reads the first byte of the
     * answer. Under TLS 1.3 a server checks the client certificate after the client's side of the handshake is done;
     * a blocking read takes its refusal (the alert) in order, as an {@link javax.net.ssl.SSLException}, where the
     * asynchronous HTTP client may see only a closed connection.
     */
    void probeTls(URI member, Duration timeout) throws IOException {
        SSLContext context;
        try {
            context = tls.isPresent() ? tls.get().sslContext() : SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("this JVM has no default TLS context: " + e.getMessage(), e);
        }
        int millis = (int) Math.max(1, timeout.toMillis());
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(member.getHost(), port(member)), millis);
            socket.setSoTimeout(millis);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            socket.getOutputStream().write(("GET /health HTTP/1.1\r\nHost: " + member.getHost() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (socket.getInputStream().read() < 0) {
                throw new EOFException("etcd closed the connection without an answer");
            }
        }
    }

    /** The user and password for the gateway's {@code /v3/auth/authenticate}, when auth is configured. */
    Optional<String[]> credentials() {
        return user.map(u -> new String[] {u.name(), u.password()});
    }

    private static int port(URI uri) {
        return uri.getPort() > 0 ? uri.getPort() : 2379;
    }

    private static Tls tls(Br2kConfig config) {
        List<X509Certificate> trusted = config.etcdCaFile().map(f -> PemFiles.certificates(f, CA)).orElse(List.of());
        Optional<PrivateKey> key = Optional.empty();
        List<X509Certificate> chain = List.of();
        if (config.etcdCertFile().isPresent()) {
            Path certFile = config.etcdCertFile().get();
            Path keyFile = config.etcdKeyFile().orElseThrow();
            chain = PemFiles.certificates(certFile, CERT);
            PrivateKey k = PemFiles.privateKey(keyFile, KEY);
            PemFiles.requireMatch(k, chain.get(0), KEY, keyFile, CERT, certFile);
            key = Optional.of(k);
        }
        return new Tls(trusted, key, chain, sslContext(trusted, key, chain));
    }

    private static SSLContext sslContext(List<X509Certificate> trusted, Optional<PrivateKey> key, List<X509Certificate> chain) {
        try {
            KeyManagerFactory kmf = null;
            if (key.isPresent()) {
                KeyStore keys = KeyStore.getInstance("PKCS12");
                keys.load(null, null);
                keys.setKeyEntry("etcd-client", key.get(), new char[0], chain.toArray(X509Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keys, new char[0]);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (trusted.isEmpty()) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore trust = KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                for (int i = 0; i < trusted.size(); i++) {
                    trust.setCertificateEntry("ca-" + i, trusted.get(i));
                }
                tmf.init(trust);
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new EtcdAccessException("cannot build a TLS context from " + CA + ", " + CERT + " and " + KEY + ": " + e, e);
        }
    }

    private static String password(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new EtcdAccessException(PASSWORD + " names " + file + ", which does not exist. Check the path or"
                    + " unset BR2K_ETCD_USER.", e);
        } catch (IOException e) {
            throw new EtcdAccessException(PASSWORD + " names " + file + ", which this process (user "
                    + System.getProperty("user.name") + ") cannot read: " + e + ". Make it readable by the service's user.", e);
        }
        String password = text.strip();
        if (password.isEmpty()) {
            throw new EtcdAccessException(PASSWORD + " " + file + " is empty. Write the etcd user's password into it.");
        }
        return password;
    }
}
