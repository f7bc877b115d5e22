package dev.br2k.watch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.task.TaskInfo;
import dev.br2k.watch.task.TaskState;
import dev.br2k.watch.testing.Fx;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The warm-up makes the page's parts on a background thread, as the running Watch does after log-in. */
class PageWarmUpTest {

    @Test
    void the_page_parts_are_made_in_the_background_without_touching_the_ui_thread() throws Exception {
        FxToolkit.registerPrimaryStage();
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            Fx.run(() -> PageWarmUp.start(executor));

            await().atMost(30, TimeUnit.SECONDS).until(() -> warmUp(executor).map(t -> t.state().finished()).orElse(false));
            TaskInfo task = warmUp(executor).orElseThrow();
            assertThat(task.state()).as(task.message()).isEqualTo(TaskState.SUCCEEDED);
        }
    }

    private static Optional<TaskInfo> warmUp(FxTaskExecutor executor) {
        return Fx.get(() -> executor.tasks().stream().filter(t -> t.title().equals("Preparing the service page")).findFirst());
    }
}
