package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "rmi", mixinStandardHelpOptions = true,
        description = "Removes a built image from this machine, or with --registry from an image registry (by its digest).")
public final class RmiCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(paramLabel = "IMAGE", description = "repo:tag (or repo@sha256:... with --registry).")
    String image;

    @Option(names = "--registry", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "Delete from an image registry (default registry: the current one).")
    String registry;

    @Override
    public Integer call() throws IOException {
        Br2kHome home = common.home();
        ImageRef ref = ImageRef.parse(image);
        if (registry == null) {
            if (!new LocalImages(home).remove(ref)) {
                throw CliException.notConfigured("there is no built image " + ref.local() + " (see 'br2k list')");
            }
            common.out().println("Removed " + ref.local());
            return ExitCode.OK;
        }
        ImageRegistryEntry r = Registries.select(home, registry.isEmpty() ? null : registry);
        OciRegistryClient client = Registries.client(home, r);
        String digest = ref.digest().orElseGet(() -> client.manifest(ref.repository(), ref.tag())
                .orElseThrow(() -> CliException.notConfigured(r.server() + " has no image " + ref.local() + " (see 'br2k list --registry')"))
                .digest());
        client.delete(ref.repository(), digest);
        common.out().println("Deleted " + r.server() + "/" + ref.repository() + "@" + digest);
        return ExitCode.OK;
    }
}
