package dev.br2k.cli.image;

import dev.br2k.cli.CliException;
import dev.br2k.cli.Common;
import dev.br2k.cli.ExitCode;
import dev.br2k.cli.home.Br2kHome;
import dev.br2k.cli.home.ImageRegistryEntry;
import dev.br2k.cli.project.ProjectFile;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "push", mixinStandardHelpOptions = true,
        description = "Pushes an image built with 'br2k build' to an image registry; prints the reference with its digest.")
public final class PushCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Parameters(arity = "0..1", paramLabel = "IMAGE", description = "repo:tag of a built image (default: the project's image and tag).")
    String image;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "Project directory, when IMAGE is not given.")
    Path project;

    @Option(names = "--registry", paramLabel = "NAME", description = "Image registry (default: the current one).")
    String registry;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        ImageRef ref;
        if (image != null) {
            ref = ImageRef.parse(image);
        } else {
            ProjectFile p = ProjectFile.read(project);
            ref = ImageRef.parse(p.image() + ":" + p.tag());
        }
        LocalImages images = new LocalImages(home);
        var local = images.find(ref).orElseThrow(() -> CliException.notConfigured(
                "there is no built image " + ref.local() + " (see 'br2k list'): run 'br2k build' first"));
        ImageRegistryEntry r = Registries.select(home, registry);
        ImageRef target = ref.withRegistry(r.server());
        common.progress("Pushing " + ref.local() + " to " + r.name() + " (" + r.server() + ") ...");
        ImageBuilder.Built built = new ImageBuilder(home.dir().resolve("cache"), common::progress)
                .push(local.tar(), target, r.insecure(), Registries.login(home, r));
        common.out().println(built.reference() + "@" + built.digest());
        return ExitCode.OK;
    }
}
