package dev.br2k.cli.image;

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

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the project's container image with Jib: no Docker daemon, no base image pulled.",
                "Layers: a Java runtime made with jlink (unless --no-runtime), the dependency jars, the classes.",
                "Writes a tar under <home>/images (for 'br2k push'), or with --registry sends it straight to a registry."})
public final class BuildCommand implements Callable<Integer> {
    @Mixin
    Common common;

    @Option(names = "--project", paramLabel = "DIR", defaultValue = ".", description = "Project directory with br2k.yaml (default: the current one).")
    Path project;

    @Option(names = "--tag", paramLabel = "TAG", description = "Image tag (default: the project's tag).")
    String tag;

    @Option(names = "--registry", paramLabel = "NAME", description = "Push to this image registry instead of writing a tar.")
    String registry;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the tar here instead of under <home>/images.")
    Path output;

    @Option(names = "--no-runtime", description = "Leave out the jlink'd Java runtime layer (the image then needs 'java' on its PATH).")
    boolean noRuntime;

    @Override
    public Integer call() {
        Br2kHome home = common.home();
        ProjectFile p = ProjectFile.read(project);
        ImageRef ref = ImageRef.parse(p.image() + ":" + (tag != null ? tag : p.tag()));
        ImageBuilder builder = new ImageBuilder(home.dir().resolve("cache"), common::progress);
        ImageBuilder.Built built;
        if (registry != null) {
            ImageRegistryEntry r = Registries.select(home, registry);
            ref = ref.withRegistry(r.server());
            common.progress("Building " + ref + " and pushing it to " + r.name() + " ...");
            built = builder.buildToRegistry(p, ref, r.insecure(), Registries.login(home, r), !noRuntime);
        } else {
            LocalImages images = new LocalImages(home);
            Path tar = output != null ? output.toAbsolutePath() : images.tarOf(ref);
            common.progress("Building " + ref + " into " + tar + " ...");
            built = builder.buildTar(p, ref, !noRuntime, tar);
            if (output == null) {
                images.record(ref, built.digest());
            }
        }
        common.out().println(built.reference() + "@" + built.digest());
        return ExitCode.OK;
    }
}
