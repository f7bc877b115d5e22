package dev.br2k.cli.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.deploy.ProgressPrinter;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ContextEntry;
import dev.br2k.cli.home.HomeConfig;
import dev.br2k.cli.home.ServiceRegistryEntry;
import dev.br2k.cluster.ClusterException;
import dev.br2k.cluster.MemberInfo;
import dev.br2k.cluster.ServiceState;
import dev.br2k.cluster.local.LaunchSpec;
import dev.br2k.cluster.local.LocalCluster;
import dev.br2k.cluster.local.LocalDirectories;
import dev.br2k.cluster.local.ProcessRecord;
import dev.br2k.registry.RegistryClient;
import dev.br2k.registry.RunState;
import dev.br2k.registry.ServiceId;
import dev.br2k.registry.ServiceRegistration;
import dev.br2k.registry.crypto.KeystoreStrength;
import dev.br2k.registry.crypto.Keystores;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/**
 * The one-machine sandbox: anvil, the service registry, an operator account, InfoDID with three
 * replicas on {@link LocalCluster}, registered, and BR2K Watch. Everything lives under
 * {@code <home>/sandbox/}; {@code <home>/sandbox.json} is the profile the Watch opens with.
 */
public final class Sandbox {
    public static final String SERVICE = "infodid";
    public static final String CONTEXT = "sandbox";
    static final long CHAIN_ID = 31337;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Common common;
    private final Br2kHome home;

    public Sandbox(Common common) {
        this.common = common;
        this.home = common.home();
    }

    public Path profileFile() {
        return home.dir().resolve("sandbox.json");
    }

    Path clusterBaseDir() {
        return home.sandboxDir().resolve("cluster");
    }

    /** Options of {@code up}. */
    public record UpOptions(int replicas, int maxReplicas, Optional<String> password, boolean watch, Duration startTimeout) { }

    public int up(UpOptions options) throws IOException, InterruptedException {
        Optional<SandboxState> existing = SandboxState.read(home);
        if (existing.isPresent()) {
            common.out().println("The sandbox is up already (since " + existing.get().createdAt() + "); its status:");
            return status();
        }
        Optional<Installation> installed = Installation.current();
        Path anvilBinary = anvil(installed);
        if (!Files.isExecutable(anvilBinary)) {
            throw CliException.notConfigured("anvil is not installed at " + anvilBinary + (installed.isPresent()
                    ? ": the br2k-watch package is incomplete; install it again (apt-get install --reinstall br2k-watch)"
                    : ": run ./scripts/install-deps in the BR2K checkout (it installs the pinned npm tools)"));
        }
        if (!Files.isExecutable(LocalCluster.DEFAULT_ETCD)) {
            throw CliException.notConfigured("etcd is not installed at " + LocalCluster.DEFAULT_ETCD + (installed.isPresent()
                    ? ": apt-get install -y etcd-server" : ": run ./scripts/install-deps (apt-get install -y etcd-server etcd-client)"));
        }
        Files.createDirectories(home.sandboxDir());
        int port = freePort();
        String rpcUrl = "http://127.0.0.1:" + port;
        common.progress("[1/6] Starting anvil (chain " + CHAIN_ID + ") on " + rpcUrl + " ...");
        ProcessRecord anvil = DetachedProcess.start(List.of(anvilBinary.toString(), "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--chain-id", Long.toString(CHAIN_ID), "--silent"), Map.of(),
                home.sandboxDir().resolve("logs/anvil.log"));
        // Record what runs from the first process on, so that 'down' can clean up a half-made sandbox.
        SandboxState partial = new SandboxState(home.sandboxDir(), Optional.of(anvil), Optional.empty(), rpcUrl, CHAIN_ID, "",
                "", home.sandboxDir().resolve("keystore"), SERVICE, clusterBaseDir(), List.of(), List.of(), Instant.now());
        partial.write();
        try {
            return upAfterAnvil(options, partial, rpcUrl);
        } catch (RuntimeException | Error | IOException | InterruptedException e) {
            common.progress("Sandbox start failed; stopping what it started ...");
            try {
                down();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private int upAfterAnvil(UpOptions options, SandboxState partial, String rpcUrl) throws IOException, InterruptedException {
        awaitRpc(rpcUrl, Duration.ofSeconds(30));
        boolean generated = options.password().isEmpty();
        String password = options.password().orElseGet(Sandbox::newPassword);
        common.progress("[2/6] Creating the operator keystore and the replicas' service account, funded on the local chain ...");
        Path keystore = Keystores.create(home.sandboxDir().resolve("keystore"), password, KeystoreStrength.LIGHT);
        Credentials operator = Keystores.load(keystore, password);
        Credentials serviceAccount = newAccount();
        Path serviceAccountKey = home.sandboxDir().resolve("service-account.key");
        Br2kHome.writeAtomically(serviceAccountKey,
                Numeric.toHexStringNoPrefixZeroPadded(serviceAccount.getEcKeyPair().getPrivateKey(), 64) + "\n", true);
        for (String account : List.of(operator.getAddress(), serviceAccount.getAddress())) {
            rpc(rpcUrl, "anvil_setBalance", "[\"" + account + "\",\"0x" + BigInteger.TEN.pow(20).toString(16) + "\"]");
        }
        common.progress("[3/6] Deploying the service registry contract, registering " + SERVICE + " (manager " + operator.getAddress()
                + ", operator " + serviceAccount.getAddress() + ") ...");
        String registryAddress;
        ServiceId id;
        try (RegistryClient client = RegistryClient.deploy(rpcUrl, operator)) {
            registryAddress = client.registryAddress();
            id = client.register(ServiceRegistration.builder(SERVICE)
                    .description("InfoDID: user information by DID (BR2K sandbox)")
                    .replicas(options.replicas(), options.maxReplicas()).build()).id();
            client.setOperator(id, serviceAccount.getAddress(), true);
        }

        common.progress("[4/6] Starting " + SERVICE + " with " + options.replicas() + " replicas (etcd + service each) ...");
        List<Path> classpath = InfoDidClasspath.find(common.env());
        LaunchSpec launch = LaunchSpec.java(SandboxPrograms.REPLICA, classpath,
                List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k"))
                .withEnv(Map.of("BR2K_SERVICE", SERVICE, SandboxPrograms.RPC, rpcUrl, SandboxPrograms.ADDRESS, registryAddress,
                        SandboxPrograms.KEY_FILE, serviceAccountKey.toString()));
        List<String> replicaUrls;
        List<String> etcdEndpoints;
        try (LocalCluster cluster = LocalCluster.builder().baseDir(clusterBaseDir()).service(SERVICE).launch(launch)
                .maxReplicas(options.maxReplicas()).startTimeout(options.startTimeout()).build()) {
            cluster.deploy(options.replicas(), new ProgressPrinter(common));
            ServiceState state = awaitHealthy(cluster, Duration.ofSeconds(90));
            replicaUrls = replicaUrls(state);
            etcdEndpoints = state.members().stream().flatMap(m -> m.clientUrls().stream()).sorted().toList();
        } catch (ClusterException e) {
            throw CliException.failed("the replicas did not start: " + e.getMessage()
                    + " (logs under " + clusterBaseDir() + ")", e);
        }

        common.progress("[5/6] Waiting for the leader to publish its location on the registry ...");
        String location;
        try (RegistryClient client = RegistryClient.connect(rpcUrl, registryAddress, operator)) {
            location = awaitLocation(client, id, replicaUrls, Duration.ofSeconds(60));
            client.setRunState(id, RunState.RUNNING);
        }
        SandboxState state = new SandboxState(home.sandboxDir(), partial.anvil(), Optional.empty(), rpcUrl, CHAIN_ID,
                registryAddress, operator.getAddress(), keystore, SERVICE, clusterBaseDir(), replicaUrls, etcdEndpoints,
                partial.createdAt());
        state.write();
        Br2kHome.writeAtomically(profileFile(), state.profileJson(), false);
        HomeConfig config = home.config()
                .withContext(ContextEntry.local(CONTEXT, SERVICE, clusterBaseDir()), true)
                .withServiceRegistry(new ServiceRegistryEntry(CONTEXT, rpcUrl, registryAddress, Optional.of(keystore)).withChainId(CHAIN_ID), true);
        home.save(config);

        if (options.watch()) {
            common.progress("[6/6] Opening BR2K Watch ...");
            Optional<ProcessRecord> watch = Watch.open(common, profileFile(), home.sandboxDir().resolve("logs/watch.log"));
            if (watch.isPresent()) {
                state = state.withWatch(watch.get());
                state.write();
            }
        } else {
            common.progress("[6/6] BR2K Watch not opened (--no-watch)");
        }

        var out = common.out();
        out.println("BR2K sandbox is up.");
        out.println("  chain RPC:        " + rpcUrl + " (anvil, chain id " + CHAIN_ID + ")");
        out.println("  service registry: " + registryAddress);
        out.println("  operator:         " + operator.getAddress());
        out.println("  keystore:         " + keystore);
        if (generated) {
            out.println("  keystore password: " + password + "   <- shown once; BR2K Watch asks for it");
        }
        out.println("  etcd endpoints:   " + String.join(",", etcdEndpoints));
        out.println("  replicas:         " + String.join(" ", replicaUrls));
        out.println("  location:         " + location + " (published by the leader; it follows a new leader)");
        out.println("  profile:          " + profileFile());
        out.println("Next: br2k sandbox status | br2k sandbox request | br2k state | br2k sandbox down");
        return ExitCode.OK;
    }

    /** Prints the chain's and the replicas' health; exit 0 when every replica runs and one leads. */
    public int status() {
        SandboxState s = SandboxState.read(home).orElseThrow(() -> CliException.notConfigured(
                "no sandbox is running: start one with 'br2k sandbox up'"));
        var out = common.out();
        boolean chain = s.anvil().map(ProcessRecord::alive).orElse(false) && rpcAnswers(s.rpcUrl());
        out.println("chain:    " + s.rpcUrl() + " " + (chain ? "up" : "DOWN"));
        out.println("registry: " + (s.registryAddress().isEmpty() ? "(not deployed)" : s.registryAddress()));
        if (chain && !s.registryAddress().isEmpty()) {
            out.println("location: " + registryLocation(s) + " (on the registry)");
        }
        out.println("watch:    " + s.watch().map(w -> w.alive() ? "open (pid " + w.pid() + ")" : "closed").orElse("not opened"));
        if (!LocalCluster.exists(s.clusterBaseDir(), s.service())) {
            out.println(s.service() + ": not deployed");
            return ExitCode.UNHEALTHY;
        }
        try (LocalCluster cluster = LocalCluster.open(s.clusterBaseDir(), s.service())) {
            ServiceState state = cluster.state();
            dev.br2k.cli.deploy.StateCommand.print(out, state);
            long healthy = state.replicas().stream().filter(r -> r.phase() == dev.br2k.cluster.ReplicaPhase.RUNNING
                    && r.status().isPresent()).count();
            out.println(healthy + " of " + state.replicas().size() + " replicas healthy");
            return chain && !state.faulty() && healthy == state.replicas().size() && healthy > 0 ? ExitCode.OK : ExitCode.UNHEALTHY;
        }
    }

    /**
     * Sends one signed InfoDID request to the location the registry publishes and reads the result back
     * ({@code SandboxRequest}, in its own JVM on the sandbox's class path); exit 0 when it round-trips.
     */
    public int request() throws IOException, InterruptedException {
        SandboxState s = SandboxState.read(home).orElseThrow(() -> CliException.notConfigured(
                "no sandbox is running: start one with 'br2k sandbox up'"));
        String location;
        try (RegistryClient reader = RegistryClient.connectReadOnly(s.rpcUrl(), s.registryAddress())) {
            location = reader.serviceLocation(ServiceId.ofName(s.service()));
        }
        if (location.isEmpty()) {
            throw CliException.failed("the registry holds no location for " + s.service()
                    + " yet: no replica leads. Check 'br2k sandbox status' and the logs under " + s.clusterBaseDir(), null);
        }
        common.progress("Sending a signed InfoDID request to " + location + " (the location on the registry) ...");
        List<Path> classpath = InfoDidClasspath.find(common.env());
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                SandboxPrograms.REQUEST, location);
        ProcessBuilder request = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true);
        ChildEnvironment.scrub(request.environment());
        Process p = request.start();
        try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8))) {
            lines.lines().forEach(common.out()::println);
        }
        common.out().flush();
        return p.waitFor() == 0 ? ExitCode.OK : ExitCode.UNHEALTHY;
    }

    /** $BR2K_ANVIL, else the checkout's npm install, else the package's own. */
    private Path anvil(Optional<Installation> installed) {
        String fromEnv = common.env().get("BR2K_ANVIL");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv);
        }
        Optional<Path> root = ProjectRoot.find(common.env());
        if (root.isPresent()) {
            return ProjectRoot.anvil(root.get());
        }
        return installed.map(Installation::anvil).orElse(Path.of("anvil"));
    }

    private static String registryLocation(SandboxState s) {
        try (RegistryClient reader = RegistryClient.connectReadOnly(s.rpcUrl(), s.registryAddress())) {
            String location = reader.serviceLocation(ServiceId.ofName(s.service()));
            return location.isEmpty() ? "(none yet)" : location;
        } catch (RuntimeException e) {
            return "(cannot be read: " + e.getMessage() + ")";
        }
    }

    /** Stops everything the sandbox started and deletes its files. */
    public int down() {
        Optional<SandboxState> state = SandboxState.read(home);
        if (state.isEmpty() && !Files.exists(home.sandboxDir())) {
            common.out().println("No sandbox is running.");
            return ExitCode.OK;
        }
        state.flatMap(SandboxState::watch).ifPresent(w -> {
            if (DetachedProcess.stop(w, Duration.ofSeconds(5))) {
                common.progress("  closed BR2K Watch (pid " + w.pid() + ")");
            }
        });
        if (LocalCluster.exists(clusterBaseDir(), SERVICE)) {
            try (LocalCluster cluster = LocalCluster.open(clusterBaseDir(), SERVICE)) {
                cluster.destroy(new ProgressPrinter(common));
            }
        }
        state.flatMap(SandboxState::anvil).ifPresent(a -> {
            if (DetachedProcess.stop(a, Duration.ofSeconds(5))) {
                common.progress("  stopped anvil (pid " + a.pid() + ")");
            }
        });
        try {
            LocalDirectories.deleteTree(home.sandboxDir());
            Files.deleteIfExists(profileFile());
        } catch (IOException | ClusterException e) {
            throw CliException.failed("the sandbox stopped, but " + home.sandboxDir() + " could not be deleted: " + e.getMessage(), e);
        }
        HomeConfig config = home.config();
        if (config.context(CONTEXT).isPresent() || config.serviceRegistry(CONTEXT).isPresent()) {
            home.save(config.withoutContext(CONTEXT).withoutServiceRegistry(CONTEXT));
        }
        common.out().println("Sandbox stopped and removed.");
        return ExitCode.OK;
    }

    private static List<String> replicaUrls(ServiceState state) {
        List<String> urls = new ArrayList<>();
        state.keys().ifPresent(k -> k.members().values().forEach(m -> urls.add(m.url())));
        return urls.stream().sorted().toList();
    }

    /**
     * Waits until a replica leads, every replica answers and none has a problem: a replica still restoring as a
     * Learner made the first `br2k sandbox status` after `up` report a problem and exit 6 (DebInstallerIT, once).
     */
    private ServiceState awaitHealthy(LocalCluster cluster, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        ServiceState state = cluster.state();
        while (System.nanoTime() < deadline) {
            state = cluster.state();
            if (state.leader().isPresent() && replicaUrls(state).size() == state.replicas().size()
                    && state.problems().isEmpty()) {
                return state;
            }
            Thread.sleep(500);
        }
        throw CliException.failed("the " + SERVICE + " replicas were not healthy within " + timeout.toSeconds() + " s: "
                + String.join("; ", state.problems()) + " (logs under " + clusterBaseDir() + ")", null);
    }

    /** Until the registry's location is one of the replicas' URLs: the leader published it through RegistryLocationPublisher. */
    private String awaitLocation(RegistryClient client, ServiceId id, List<String> replicaUrls, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String location = "";
        while (System.nanoTime() < deadline) {
            location = client.serviceLocation(id);
            if (replicaUrls.contains(location)) {
                return location;
            }
            Thread.sleep(250);
        }
        throw CliException.failed("the " + SERVICE + " leader did not publish its location on the registry within "
                + timeout.toSeconds() + " s (it says \"" + location + "\"); see the service logs under " + clusterBaseDir(), null);
    }

    private static void awaitRpc(String rpcUrl, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!rpcAnswers(rpcUrl)) {
            if (System.nanoTime() > deadline) {
                throw CliException.failed("anvil did not answer on " + rpcUrl + " within " + timeout.toSeconds() + " s", null);
            }
            Thread.sleep(200);
        }
    }

    static boolean rpcAnswers(String rpcUrl) {
        try {
            return rpc(rpcUrl, "eth_chainId", "[]").has("result");
        } catch (RuntimeException e) {
            return false;
        }
    }

    static JsonNode rpc(String rpcUrl, String method, String params) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(rpcUrl))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method
                            + "\",\"params\":" + params + "}")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode n = JSON.readTree(r.body());
            if (n.has("error")) {
                throw CliException.failed(method + " failed on " + rpcUrl + ": " + n.get("error"), null);
            }
            return n;
        } catch (IOException e) {
            throw CliException.unreachable(rpcUrl + " does not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CliException.failed("interrupted", e);
        }
    }

    private static Credentials newAccount() {
        try {
            return Credentials.create(Keys.createEcKeyPair());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make a secp256k1 key: " + e.getMessage(), e);
        }
    }

    private static String newPassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The etcd members' client URLs (for scripts). */
    static List<String> clientUrls(List<MemberInfo> members) {
        return members.stream().flatMap(m -> m.clientUrls().stream()).toList();
    }
}
