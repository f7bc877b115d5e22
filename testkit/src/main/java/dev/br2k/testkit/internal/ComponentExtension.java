package dev.br2k.testkit.internal;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JUnit 5 life cycle shared by the testkit's components. Registered on a static field, a component
 * runs for the whole test class; on an instance field, for each test. When a test fails, the end of
 * the component's logs is printed so that the failure can be understood from the build output.
 */
public abstract class ComponentExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, AfterTestExecutionCallback, AutoCloseable {

    private boolean startedForOneTest;

    /** Starts the component if it is not running. */
    protected abstract void startComponent();

    /** True between start and close. */
    protected abstract boolean isStarted();

    /** The ends of the component's logs. */
    protected abstract String diagnostics();

    @Override
    public abstract void close();

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!isStarted()) {
            startComponent();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!isStarted()) {
            startComponent();
            startedForOneTest = true;
        }
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isPresent() && isStarted()) {
            System.err.println("---- " + getClass().getSimpleName() + " logs after failed test "
                    + context.getDisplayName() + " ----\n" + diagnostics());
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (startedForOneTest) {
            startedForOneTest = false;
            close();
        }
    }
}
