package dev.br2k.replication.internal.backup;

import dev.br2k.replication.internal.recovery.Artifacts;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/**
 * What encrypting a backup costs: MB/s of {@link ArtifactCipher} encrypt and decrypt against a plain copy and
 * the SHA-256 every backup already computed, on one file (default 256 MiB), best of three rounds each, and the
 * largest heap used. Run by hand from core-replication:
 * {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.br2k.replication.internal.backup.ArtifactCipherBenchmark
 * [-Dexec.args=<MiB>]}.
 */
public final class ArtifactCipherBenchmark {
    private ArtifactCipherBenchmark() {
    }

    interface Step {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int mib = args.length > 0 ? Integer.parseInt(args[0]) : 256;
        Path dir = Files.createTempDirectory("br2k-cipher-bench-");
        try {
            Path plain = dir.resolve("plain");
            byte[] block = new byte[1 << 20];
            Random random = new Random(1);
            try (OutputStream out = Files.newOutputStream(plain)) {
                for (int i = 0; i < mib; i++) {
                    random.nextBytes(block);
                    out.write(block);
                }
            }
            byte[] key = ArtifactCipher.newKey();
            Path sealed = dir.resolve("sealed");
            Path back = dir.resolve("back");
            System.out.printf("%d MiB of random bytes, best of 3 rounds; java %s, %d cores%n", mib,
                    System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
            System.out.println("| step | MB/s |");
            System.out.println("|---|---:|");
            row("copy (what the store did before)", mib, () -> Files.copy(plain, back, StandardCopyOption.REPLACE_EXISTING));
            row("SHA-256 (done before too)", mib, () -> Artifacts.sha256(plain));
            row("encrypt (AES-256-GCM, 64 KiB chunks)", mib, () -> ArtifactCipher.encrypt(plain, sealed, key, "state.zip"));
            row("decrypt and authenticate", mib, () -> ArtifactCipher.decrypt(sealed, back, key, "state.zip"));
            if (Files.mismatch(plain, back) != -1) {
                throw new IllegalStateException("decryption did not give the plaintext back");
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap in use at the end: %d MiB (the file is %d MiB)%n", (rt.totalMemory() - rt.freeMemory()) >> 20, mib);
        } finally {
            Artifacts.deleteTree(dir);
        }
    }

    private static void row(String name, int mib, Step step) throws Exception {
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long start = System.nanoTime();
            step.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("| %s | %.0f |%n", name, mib * 1.048576 / (best / 1e9));
    }
}
