package dev.br2k.registry.build;

import org.web3j.codegen.SolidityFunctionWrapperGenerator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Compiles {@code ServiceRegistry.sol} with the pinned npm {@code solc} ({@code scripts/compile.js})
 * and generates the web3j wrapper from its ABI and binary with web3j's codegen. Nothing is
 * downloaded.
 *
 * <p>Run {@code mvn -q test-compile exec:java -Dexec.mainClass=dev.br2k.registry.build.ContractBuild
 * -Dexec.classpathScope=test} in {@code registry-contract/} after editing the contract; the
 * {@code CompiledArtifactsTest} checks that the committed files are what this produces.
 */
public final class ContractBuild {

    /** Where the ABI and binary are committed, relative to the module directory. */
    public static final Path ARTIFACTS = Path.of("src/main/resources/dev/br2k/registry/contract");
    /** Where the generated wrapper sources are committed, relative to the module directory. */
    public static final Path WRAPPER_SOURCES = Path.of("src/main/java");
    public static final String WRAPPER_PACKAGE = "dev.br2k.registry.internal.contract";
    public static final Path WRAPPER_FILE = WRAPPER_SOURCES.resolve("dev/br2k/registry/internal/contract/ServiceRegistry.java");

    private ContractBuild() {
    }

    public static void main(String[] args) throws Exception {
        Path module = moduleDirectory();
        compile(module, module.resolve(ARTIFACTS));
        generateWrapper(module.resolve(ARTIFACTS), module.resolve(WRAPPER_SOURCES));
        System.out.println("ContractBuild: artifacts in " + ARTIFACTS + ", wrapper in " + WRAPPER_FILE);
    }

    /** Runs {@code node scripts/compile.js outputDir}; fails with the compiler's messages. */
    public static void compile(Path module, Path outputDir) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(List.of("node", module.resolve("scripts/compile.js").toString(),
                outputDir.toString()))
                .directory(module.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("scripts/compile.js failed:\n" + output);
        }
    }

    /** Generates {@code ServiceRegistry.java} under {@code sourceRoot} from the ABI and binary. */
    public static void generateWrapper(Path artifacts, Path sourceRoot) throws IOException, ClassNotFoundException {
        Files.createDirectories(sourceRoot);
        new SolidityFunctionWrapperGenerator(
                artifacts.resolve("ServiceRegistry.bin").toFile(),
                artifacts.resolve("ServiceRegistry.abi").toFile(),
                sourceRoot.toFile(),
                "ServiceRegistry",
                WRAPPER_PACKAGE,
                true,   // Java native types (String, BigInteger, ...) in method signatures
                false,  // no primitive types
                20)     // address length in bytes
                .generate();
    }

    /** The module directory: the working directory under Maven, or found from it. */
    public static Path moduleDirectory() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("scripts/compile.js")) && Files.exists(p.resolve("src/main/solidity"))) {
                return p;
            }
            if (Files.exists(p.resolve("registry-contract/scripts/compile.js"))) {
                return p.resolve("registry-contract");
            }
        }
        throw new IllegalStateException("Cannot find the registry-contract module from " + dir);
    }
}
