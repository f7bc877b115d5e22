package dev.br2k.registry.build;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed ABI, binary and wrapper are exactly what the pinned compiler and web3j's codegen
 * produce from the committed source. If this fails after editing {@code ServiceRegistry.sol}, run
 * {@code ContractBuild} (see its Javadoc) and commit the result.
 */
class CompiledArtifactsTest {

    @Test
    void recompiling_the_contract_reproduces_the_committed_abi_and_binary(@TempDir Path out) throws Exception {
        Path module = ContractBuild.moduleDirectory();

        ContractBuild.compile(module, out);

        for (String file : new String[] {"ServiceRegistry.abi", "ServiceRegistry.bin", "ServiceRegistry.bin-runtime", "ServiceRegistry.solc-version"}) {
            assertThat(Files.readString(out.resolve(file)))
                    .as("%s differs from the committed one: run ContractBuild and commit", file)
                    .isEqualTo(Files.readString(module.resolve(ContractBuild.ARTIFACTS).resolve(file)));
        }
    }

    @Test
    void regenerating_the_wrapper_reproduces_the_committed_java_source(@TempDir Path out) throws Exception {
        Path module = ContractBuild.moduleDirectory();

        ContractBuild.generateWrapper(module.resolve(ContractBuild.ARTIFACTS), out);

        Path generated = out.resolve(ContractBuild.WRAPPER_FILE.subpath(3, ContractBuild.WRAPPER_FILE.getNameCount()));
        assertThat(Files.readString(generated))
                .as("the web3j wrapper differs from the committed one: run ContractBuild and commit")
                .isEqualTo(Files.readString(module.resolve(ContractBuild.WRAPPER_FILE)));
    }
}
