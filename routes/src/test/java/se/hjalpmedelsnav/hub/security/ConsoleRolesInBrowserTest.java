package se.hjalpmedelsnav.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import se.hjalpmedelsnav.hub.support.EmbeddedHubTest;

/**
 * The console's roles in a real browser: headless Chromium (Debian's package, which the build installs
 * if missing) driven by playwright-core ({@code tools/console-test/console-roles.js}). Anonymous gets
 * the login page; the admin sees Camel's routes and stops and starts one; the viewer sees them, and its
 * stop is refused with 403. Runs in a surefire execution of its own (a hub of its own), which sets the
 * property; what the browser saw and a screenshot go to {@code target/console-test/} when a check fails.
 */
@EnabledIfSystemProperty(named = "nav.test.console-in-browser", matches = "true",
        disabledReason = "runs in its own surefire execution (console-in-browser), on a hub of its own")
class ConsoleRolesInBrowserTest extends EmbeddedHubTest {

    private static final String ROUTE = "kommun-1401-intake";
    private static final Path ARTIFACTS = Path.of("target", "console-test");

    @Autowired
    CamelContext camel;

    @Test
    void letsAnAdminStopAndStartARouteAndAViewerOnlyLook() throws Exception {
        Files.createDirectories(ARTIFACTS);
        Path output = ARTIFACTS.resolve("console-roles.log");
        Process browser = new ProcessBuilder("node", "console-roles.js", url(""),
                System.getProperty("nav.test.chromium", "/usr/bin/chromium"), "admin:admin-dev", "viewer:viewer-dev",
                ROUTE, ARTIFACTS.toAbsolutePath().toString())
                .directory(new File("../tools/console-test"))
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        browser.getOutputStream().close();

        // Each step of the script has its own limit and message; this only stops a browser that hangs.
        boolean finished = browser.waitFor(8, TimeUnit.MINUTES);
        if (!finished) {
            browser.destroyForcibly();
        }
        String log = Files.readString(output, StandardCharsets.UTF_8);
        System.out.println(log);

        assertThat(finished).as("the browser test finished:\n" + log).isTrue();
        assertThat(browser.exitValue()).as(log).isZero();
        assertThat(log).contains("admin: stops " + ROUTE, "admin: starts " + ROUTE + " again",
                "viewer: the stop is refused (HTTP 403)", "viewer: " + ROUTE + " is still started",
                "all console role checks passed");
        assertThat(camel.getRouteController().getRouteStatus(ROUTE)).isEqualTo(ServiceStatus.Started);
    }
}
