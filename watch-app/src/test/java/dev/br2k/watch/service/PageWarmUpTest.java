package dev.br2k.watch.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.watch.task.FxTaskExecutor;
import dev.br2k.watch.task.TaskInfo;
import dev.br2k.watch.task.TaskState;
import dev.br2k.watch.testing.Fx;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The warm-up makes the page's parts on a background thread, as the running Watch does after log-in, then
 * draws them off-screen on the UI thread, one part per pulse, and detaches them again.
 */
class PageWarmUpTest {

    @Test
    void the_page_parts_are_made_in_the_background_then_drawn_off_screen_to_the_end() throws Exception {
        FxToolkit.registerPrimaryStage();
        AtomicBoolean done = new AtomicBoolean();
        try (FxTaskExecutor executor = new FxTaskExecutor()) {
            String css = PageWarmUp.class.getResource("/dev/br2k/watch/watch.css").toExternalForm();
            Fx.run(() -> PageWarmUp.start(executor, List.of(css), () -> done.set(true)));

            // done runs in the last step, after every part was drawn (a drawing that throws stops the steps there)
            await().atMost(30, TimeUnit.SECONDS).until(done::get);
            TaskInfo task = warmUp(executor).orElseThrow();
            assertThat(task.state()).as(task.message()).isEqualTo(TaskState.SUCCEEDED);
        }
    }

    private static Optional<TaskInfo> warmUp(FxTaskExecutor executor) {
        return Fx.get(() -> executor.tasks().stream().filter(t -> t.title().equals("Preparing the service page")).findFirst());
    }
}
