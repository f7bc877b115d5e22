package dev.br2k.infodid;

import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one InfoDID replica configured from the environment (BR2K_SERVICE, BR2K_REPLICA_ID,
 * BR2K_ETCD_ENDPOINTS, BR2K_STATE_DIR, BR2K_HTTP_PORT, ... as core-replication's README lists), which is
 * how LocalCluster and the Kubernetes pods start it. BR2K_SERVICE defaults to {@code infodid}.
 */
public final class InfoDidMain {
    private InfoDidMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServiceLogging.configure(System.getenv());
        Logger log = LoggerFactory.getLogger(InfoDidMain.class);
        InfoDid infodid;
        try {
            infodid = InfoDid.create(config -> config.serviceName("infodid").fromEnvironment(System.getenv()));
            infodid.start();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("InfoDID cannot start: " + e.getMessage());
            log.error("InfoDID cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infodid.close();
            stopped.countDown();
        }, "infodid-shutdown"));
        log.info("InfoDID replica serving at {}", infodid.url());
        stopped.await();
    }
}
