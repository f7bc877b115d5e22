package dev.br2k.watch.login;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.br2k.watch.kube.KubeContextSelector;
import dev.br2k.watch.shell.Icons;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

import java.io.File;
import java.nio.file.Path;

/** The log-in screen, built in code over {@link LoginViewModel}. */
public final class LoginView extends StackPane {

    public LoginView(LoginViewModel vm) {
        getStyleClass().add("login-view");

        Label title = new Label("Log in to BR2K Watch", Icons.large(MaterialDesignS.SHIELD_SYNC_OUTLINE));
        title.getStyleClass().add(Styles.TITLE_2);
        Label subtitle = new Label("Unlock the Ethereum account that manages your services. The password never leaves this computer and is not stored.");
        subtitle.setWrapText(true);
        subtitle.getStyleClass().add(Styles.TEXT_MUTED);

        ComboBox<Profile> profiles = new ComboBox<>(vm.profiles());
        profiles.setId("profile");
        profiles.setPromptText("New profile");
        profiles.valueProperty().bindBidirectional(vm.selectedProfileProperty());
        profiles.setMaxWidth(Double.MAX_VALUE);

        TextField keystore = new TextField();
        keystore.setId("keystore");
        keystore.setPromptText("/path/to/UTC--…--address.json");
        keystore.textProperty().bindBidirectional(vm.keystorePathProperty());
        Button choose = new Button("Choose…", Icons.of(MaterialDesignF.FOLDER_KEY_OUTLINE));
        choose.setId("chooseKeystore");
        choose.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Choose an Ethereum keystore");
            chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Keystore (JSON)", "*.json", "UTC--*"),
                    new FileChooser.ExtensionFilter("All files", "*"));
            String current = vm.keystorePathProperty().get();
            if (!current.isBlank()) {
                File dir = Path.of(current).toAbsolutePath().getParent().toFile();
                if (dir.isDirectory()) {
                    chooser.setInitialDirectory(dir);
                }
            }
            File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                vm.keystorePathProperty().set(file.getAbsolutePath());
            }
        });
        HBox keystoreRow = new HBox(6, keystore, choose);
        HBox.setHgrow(keystore, Priority.ALWAYS);

        PasswordField password = new PasswordField();
        password.setId("password");
        password.setPromptText("Keystore password");
        password.textProperty().addListener((o, was, now) -> vm.passwordEdited());

        TextField rpc = new TextField();
        rpc.setId("rpcUrl");
        rpc.setPromptText("http://127.0.0.1:8545");
        rpc.textProperty().bindBidirectional(vm.rpcUrlProperty());

        TextField registry = new TextField();
        registry.setId("registry");
        registry.setPromptText("0x… (the ServiceRegistry contract)");
        registry.textProperty().bindBidirectional(vm.registryAddressProperty());

        TextField name = new TextField();
        name.setId("profileName");
        name.setPromptText("Remember as…");
        name.textProperty().bindBidirectional(vm.profileNameProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(10);
        form.getColumnConstraints().addAll(new ColumnConstraints(120), new ColumnConstraints(100, 420, Double.MAX_VALUE));
        form.addRow(0, label("Profile"), profiles);
        form.addRow(1, label("Keystore"), keystoreRow);
        form.addRow(2, label("Password"), password);
        form.addRow(3, label("Chain RPC URL"), rpc);
        form.addRow(4, label("Registry"), registry);
        form.addRow(5, label("Kubernetes"), new KubeContextSelector(vm.kube()));
        form.addRow(6, label("Profile name"), name);
        GridPane.setHgrow(keystoreRow, Priority.ALWAYS);

        Button logIn = new Button("Log in", Icons.of(MaterialDesignL.LOGIN));
        logIn.setId("login");
        logIn.setDefaultButton(true);
        logIn.getStyleClass().add(Styles.ACCENT);
        logIn.disableProperty().bind(vm.canLogInProperty().not());
        logIn.setOnAction(e -> vm.logIn(takePassword(password)));
        password.setOnAction(e -> vm.logIn(takePassword(password)));

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(vm.busyProperty());
        Label progress = new Label();
        progress.setId("loginProgress");
        progress.textProperty().bind(vm.progressMessageProperty());
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        HBox actions = new HBox(10, logIn, spinner, progress);
        actions.setAlignment(Pos.CENTER_LEFT);

        Message error = new Message("Could not log in", "", Icons.of(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        error.setId("loginError");
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        error.titleProperty().bind(Bindings.createStringBinding(() -> switch (vm.problemProperty().get()) {
            case PASSWORD -> "Wrong password";
            case KEYSTORE -> "Keystore cannot be read";
            case NODE -> "Ethereum node unreachable";
            case REGISTRY -> "No service registry there";
            default -> "Could not log in";
        }, vm.problemProperty()));

        VBox card = new VBox(16, title, subtitle, form, error, actions);
        card.getStyleClass().add("login-card");
        card.setPadding(new Insets(32));
        card.setMaxSize(640, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setPadding(new Insets(24));
        vm.busyProperty().addListener((o, was, now) -> form.setDisable(now));
    }

    /**
     * The typed password, read once into an array that the view model wipes; the field is cleared at
     * once (what JavaFX keeps of the text in its own strings cannot be wiped).
     */
    static char[] takePassword(PasswordField field) {
        CharSequence typed = field.getCharacters();
        char[] password = new char[typed.length()];
        for (int i = 0; i < password.length; i++) {
            password[i] = typed.charAt(i);
        }
        field.clear();
        return password;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.TEXT_BOLD);
        return l;
    }
}
