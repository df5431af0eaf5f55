package dk.laeringsledelse.app.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A start that fails ends the process with a non-zero status, so that a supervisor sees it and can start again:
 * nothing the application started may keep the JVM alive.
 */
class FailedStartIT {

    @TempDir
    Path dir;

    @Test
    void givenTheStorePortTaken_whenTheApplicationStarts_thenTheProcessExitsNonZeroWithin30Seconds() throws Exception {
        Path output = dir.resolve("child.log");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    LaeringsledelseApplication.class.getName(),
                    "--server.port=0",
                    "--laeringsledelse.store.embedded.port=" + taken.getLocalPort(),
                    "--laeringsledelse.store.embedded.data-dir=" + dir.resolve("data"))
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            try {
                // how long the JVM takes to get that far depends on the machine's load; from there it has 30 s
                await().atMost(Duration.ofSeconds(180)).until(() -> !child.isAlive() || failureReported(output));
                assertThat(child.waitFor(30, TimeUnit.SECONDS))
                        .as("the child ended within 30 s of its failed start; its output:%n%s", tail(output))
                        .isTrue();
                assertThat(child.exitValue()).as("exit status").isNotZero();
                assertThat(read(output)).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort());
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    private static boolean failureReported(Path output) throws IOException {
        String text = read(output);
        return text.contains("Application run failed") || text.contains("APPLICATION FAILED TO START");
    }

    private static String tail(Path output) throws IOException {
        String text = read(output);
        return text.substring(Math.max(0, text.length() - 4000));
    }

    private static String read(Path output) throws IOException {
        return new String(Files.readAllBytes(output), StandardCharsets.UTF_8);
    }
}
