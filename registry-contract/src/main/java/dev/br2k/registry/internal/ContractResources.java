package dev.br2k.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The committed compiler output, read from the classpath. */
public final class ContractResources {
    private static final String DIR = "/dev/br2k/registry/contract/";

    private ContractResources() {
    }

    public static String abi() {
        return read("ServiceRegistry.abi");
    }

    public static String binary() {
        return read("ServiceRegistry.bin").trim();
    }

    /** The code a deployed registry holds ({@code eth_getCode}), hex without {@code 0x}. */
    public static String runtimeBinary() {
        return read("ServiceRegistry.bin-runtime").trim();
    }

    private static String read(String name) {
        try (InputStream in = RevertDecoder.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException(DIR + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + DIR + name, e);
        }
    }
}
