package dev.br2k.cli.image;

import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists images built on this machine, or with --registry the repositories, tags and digests in an image registry.")
public final class ListCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--registry", paramLabel = "NAME", arity = "0..1", fallbackValue = "",
            description = "List an image registry's images (default registry: the current one).")
    String registry;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        if (registry == null) {
            var all = new LocalImages(home).all();
            if (all.isEmpty()) {
                common.out().println("No images built yet: run 'br2k build'.");
            }
            common.out().printf("%-40s %s%n", "IMAGE", "DIGEST");
            all.forEach(i -> common.out().printf("%-40s %s%n", i.reference(), i.digest()));
            return ExitCode.OK;
        }
        ImageRegistryEntry r = Registries.select(home, registry.isEmpty() ? null : registry);
        OciRegistryClient client = Registries.client(home, r);
        common.out().printf("%-50s %s%n", "IMAGE", "DIGEST");
        for (String repo : client.repositories()) {
            for (String tag : client.tags(repo)) {
                String digest = client.manifest(repo, tag).map(OciRegistryClient.Manifest::digest).orElse("-");
                common.out().printf("%-50s %s%n", r.server() + "/" + repo + ":" + tag, digest);
            }
        }
        return ExitCode.OK;
    }
}
