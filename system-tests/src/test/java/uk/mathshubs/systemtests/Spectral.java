package uk.mathshubs.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Spectral, the OpenAPI linter (@stoplight/spectral-cli from npm, run with the machine's Node), installed once into
 * target/spectral. Used on the document the running gateway serves, with contracts/openapi/spectral.yaml.
 */
final class Spectral {

    static final String VERSION = "6.16.3";
    private static final Path HOME = Path.of("target", "spectral").toAbsolutePath();
    private static final Path CLI = HOME.resolve("node_modules/.bin/spectral");

    private Spectral() {
    }

    /** Whether npm is on this machine (.ci/run installs Debian's nodejs and npm). */
    static boolean npmPresent() {
        try {
            return run(List.of("npm", "--version"), Path.of("."), Duration.ofSeconds(30)).exit() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    record Result(int exit, String output) {
    }

    /** Lints the document with the ruleset; the output is Spectral's text report. */
    static Result lint(Path document, Path ruleset) throws IOException {
        if (!Files.isExecutable(CLI)) {
            Files.createDirectories(HOME);
            Result install = run(List.of("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                    "--loglevel=error", "@stoplight/spectral-cli@" + VERSION), HOME, Duration.ofMinutes(5));
            if (install.exit() != 0) {
                throw new IOException("npm could not install Spectral " + VERSION + ":\n" + install.output());
            }
        }
        return run(List.of(CLI.toString(), "lint", document.toAbsolutePath().toString(), "--ruleset",
                ruleset.toAbsolutePath().toString(), "--format", "text", "--fail-severity", "error"), HOME, Duration.ofMinutes(3));
    }

    private static Result run(List<String> command, Path directory, Duration timeout) throws IOException {
        Path output = Files.createTempFile("spectral", ".log");
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).directory(directory.toFile())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " took over " + timeout);
            }
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
