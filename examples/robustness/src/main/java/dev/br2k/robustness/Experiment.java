package dev.br2k.robustness;

import dev.br2k.robustness.report.ExperimentReport;
import dev.br2k.robustness.report.MarkdownReport;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The robustness experiment as a program: {@code Experiment --short|--long [options]} (see the module
 * README). Prints the report, writes it to {@code --report FILE} if given, and exits 0 when nothing
 * acknowledged was lost, nothing was applied twice and the replicas are identical; 1 otherwise; 2 when
 * the experiment itself could not run.
 */
public final class Experiment {
    private Experiment() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "robustness-logback.xml");
        }
        ExperimentOptions options;
        try {
            options = ExperimentOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("run-experiment: " + e.getMessage());
            System.exit(2);
            return;
        }
        String command = "examples/robustness/run-experiment " + String.join(" ", args);
        try {
            ExperimentReport report = new ExperimentRun(options, command.strip()).run();
            String md = MarkdownReport.render(report);
            System.out.println(md);
            if (options.report().isPresent()) {
                Files.writeString(options.report().get(), md);
                System.out.println("report written to " + options.report().get());
            }
            System.exit(report.correct() ? 0 : 1);
        } catch (ExperimentException | IOException e) {
            System.err.println("run-experiment: " + e.getMessage());
            System.exit(2);
        }
    }
}
