package dev.br2k.testkit.kubeapi;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * fabric8's mock Kubernetes API server in CRUD mode (objects are stored, listed, patched and deleted; no
 * controller runs: a StatefulSet makes no pods) on {@code 127.0.0.1:PORT}, plain HTTP, as a program of
 * its own. It writes a kubeconfig whose context {@code mock} points at it, then prints
 * {@code READY http://127.0.0.1:PORT} and serves until it is killed.
 *
 * <pre>java -cp target/classes:$(cat target/classpath.txt) dev.br2k.testkit.kubeapi.KubeApiServer PORT KUBECONFIG [NAMESPACE]</pre>
 */
public final class KubeApiServer {

    private KubeApiServer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: KubeApiServer PORT KUBECONFIG [NAMESPACE]");
            System.exit(2);
        }
        int port = Integer.parseInt(args[0]);
        Path kubeconfig = Path.of(args[1]);
        String namespace = args.length > 2 ? args[2] : "default";
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(List.of()), false);
        server.init(InetAddress.getLoopbackAddress(), port);
        String url = "http://127.0.0.1:" + port;
        writeKubeconfig(kubeconfig, url, namespace);
        Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "kube-api-stop"));
        System.out.println("READY " + url);
        System.out.flush();
        new CountDownLatch(1).await(); // serves until killed
    }

    private static void writeKubeconfig(Path file, String url, String namespace) throws IOException {
        String yaml = String.join("\n",
                "apiVersion: v1",
                "kind: Config",
                "clusters:",
                "- name: mock",
                "  cluster:",
                "    server: " + url,
                "users:",
                "- name: mock",
                "  user:",
                "    token: mock-token",
                "contexts:",
                "- name: mock",
                "  context:",
                "    cluster: mock",
                "    user: mock",
                "    namespace: " + namespace,
                "current-context: mock",
                "");
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, yaml, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
