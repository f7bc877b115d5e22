package dev.br2k.replication;

import dev.br2k.replication.sample.KvService;
import java.util.concurrent.CountDownLatch;

/**
 * Test-only launcher: {@link KvService} with crash points, for {@link CrashPointIT}. It lives in the test sources,
 * so no production jar or image carries it; the crash points come as the first program argument
 * ({@code <point>:<index>[,...]}, e.g. {@code after-handler:7,after-success:9}), never from the environment.
 */
final class CrashingKvService {
    private CrashingKvService() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CrashingKvService <point>:<index>[,...]");
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "br2k-sample-logback.xml");
        }
        KvService service = KvService.create(config -> {
            config.fromEnvironment(System.getenv());
            for (String item : args[0].split(",")) {
                String[] parts = item.trim().split(":", 2);
                config.crashAt(CrashPoint.parse(parts[0]), parts.length > 1 ? Long.parseLong(parts[1].trim()) : 1);
            }
        }).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            stopped.countDown();
        }, "kv-shutdown"));
        stopped.await();
    }
}
