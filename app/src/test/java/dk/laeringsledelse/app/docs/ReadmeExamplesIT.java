package dk.laeringsledelse.app.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import dk.laeringsledelse.app.support.TestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Every example of the documentation marked to run against demo data runs verbatim: each fenced block that opens
 * with {@code ```bash demo} (or {@code ```bash demo-error}, an example of an error) in README.md and in docs/*.md is
 * run with bash against an application started with {@code --demo}, with only its port put in place of 8080. A
 * {@code demo} block must exit 0 and answer no GraphQL error, and curl fails on any HTTP error status; a
 * {@code demo-error} block must answer an error with its code.
 */
class ReadmeExamplesIT {

    private static final Pattern BLOCK =
            Pattern.compile("(?m)^```bash (demo|demo-error)[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL);

    @TempDir
    static Path dataDir;
    @TempDir
    static Path workDir;
    private static ConfigurableApplicationContext app;
    private static int port;

    record Example(String file, int line, boolean error, String script) {
    }

    @BeforeAll
    static void start() throws IOException {
        app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--demo",
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
        TestApi api = new TestApi(port);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api.graphQl("anne.revisor")
                .document("{ me { teams { id } } }").execute().errors().verify()
                .path("me.teams[*].id").entityList(String.class).get()).hasSize(5));
        // curl answers an HTTP error status with a failure (and its body), which the blocks' `set -e` turns into
        // a failed example: a bare HTTP 400 for a malformed request is caught as well as a GraphQL error
        Files.writeString(workDir.resolve(".curlrc"), "fail-with-body\nshow-error\nmax-time = 60\n");
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedExampleRunsAgainstDemoData() throws IOException {
        List<Example> examples = examples(documentationRoot());
        assertThat(examples).as("examples marked ```bash demo in README.md and docs/*.md").hasSizeGreaterThanOrEqualTo(6);
        return examples.stream().map(example -> DynamicTest.dynamicTest(
                example.file() + ":" + example.line(), () -> run(example)));
    }

    private static void run(Example example) throws Exception {
        String script = example.script().replace("localhost:8080", "localhost:" + port);
        Path output = workDir.resolve("output.txt");
        ProcessBuilder bash = new ProcessBuilder("bash", "-e", "-o", "pipefail", "-c", script)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        bash.environment().put("HOME", workDir.toString());
        bash.environment().put("CURL_HOME", workDir.toString());
        Process process = bash.start();
        boolean ended = process.waitFor(3, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        String answer = Files.readString(output, StandardCharsets.UTF_8);
        String where = example.file() + ":" + example.line() + " answered:\n" + answer;
        assertThat(ended).as(where).isTrue();
        if (example.error()) {
            assertThat(answer).as(where).contains("\"errors\"").contains("\"code\"");
            return;
        }
        assertThat(process.exitValue()).as(where).isZero();
        assertThat(answer).as(where).isNotBlank().doesNotContain("\"errors\"");
    }

    /** The folder holding README.md (the repository root), found upwards from where the tests run. */
    private static Path documentationRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    static List<Example> examples(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("README.md"));
        Path docs = root.resolve("docs");
        if (Files.isDirectory(docs)) {
            try (Stream<Path> markdown = Files.list(docs)) {
                markdown.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
            }
        }
        List<Example> examples = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher block = BLOCK.matcher(text);
            while (block.find()) {
                int line = (int) text.substring(0, block.start()).lines().count() + 1;
                examples.add(new Example(root.relativize(file).toString(), line, block.group(1).equals("demo-error"),
                        block.group(2)));
            }
        }
        return examples;
    }
}
