package dev.br2k.watch.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.br2k.registry.crypto.KeystorePasswordException;
import dev.br2k.watch.backend.ClusterDirectory;
import dev.br2k.watch.task.InlineTaskExecutor;
import dev.br2k.watch.testing.FakeRegistry;
import dev.br2k.watch.testing.Fx;
import javafx.scene.Scene;
import javafx.scene.control.PasswordField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The log-in form in a real (headless) window: what is left of a typed password after a log-in. */
class LoginViewTest {

    private final FxRobot robot = new FxRobot();
    private final StringBuilder triedPasswords = new StringBuilder();
    private final List<char[]> handedOver = new ArrayList<>();
    private LoginViewModel vm;

    @TempDir
    Path dir;

    @BeforeEach
    void showTheForm() throws Exception {
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            vm = new LoginViewModel(new InlineTaskExecutor(), new ProfileStore(dir.resolve("profiles.json")),
                    (file, password) -> {
                        triedPasswords.append(password);
                        handedOver.add(password);
                        throw new KeystorePasswordException("Wrong password for the keystore key.json: try again.", null);
                    },
                    (u, a, c) -> new FakeRegistry(), p -> ClusterDirectory.NONE);
            vm.keystorePathProperty().set(dir.resolve("key.json").toString());
            vm.registryAddressProperty().set("0x5fbdb2315678afecb367f032d93f642f64180aa3");
            stage.setScene(new Scene(new LoginView(vm), 900, 600));
            stage.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void closeTheWindow() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void after_a_failed_log_in_the_password_field_is_empty_and_the_typed_characters_are_wiped() {
        robot.clickOn("#password");
        robot.write("not-the-password");
        robot.clickOn("#login");

        await().atMost(10, TimeUnit.SECONDS).until(() -> Fx.get(() -> robot.lookup("#loginError").query().isVisible()));
        assertThat(Fx.get(() -> vm.errorProperty().get())).startsWith("Wrong password");
        assertThat(triedPasswords.toString()).as("the typed password reached the keystore").isEqualTo("not-the-password");
        assertThat(Fx.get(() -> robot.lookup("#password").<PasswordField>query().getText())).isEmpty();
        assertThat(handedOver).singleElement().satisfies(chars -> assertThat(new String(chars)).as("the array the view model was given")
                .isEqualTo("\0".repeat("not-the-password".length())));
    }
}
