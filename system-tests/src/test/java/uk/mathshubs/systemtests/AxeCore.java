package uk.mathshubs.systemtests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** axe-core, Deque's accessibility rules engine, from npm (installed once into target/axe-core, as Spectral is). */
final class AxeCore {

    static final String VERSION = "4.11.0";
    private static final Path HOME = Path.of("target", "axe-core").toAbsolutePath();
    private static final Path SCRIPT = HOME.resolve("node_modules/axe-core/axe.min.js");
    private static String script;

    private AxeCore() {
    }

    static synchronized String script() throws IOException {
        if (script == null) {
            if (!Files.isRegularFile(SCRIPT)) {
                install();
            }
            script = Files.readString(SCRIPT, StandardCharsets.UTF_8);
        }
        return script;
    }

    private static void install() throws IOException {
        Files.createDirectories(HOME);
        Path output = HOME.resolve("npm-install.log");
        Process npm = new ProcessBuilder("npm", "install", "--prefix", HOME.toString(), "--no-audit", "--no-fund",
                "--loglevel=error", "axe-core@" + VERSION).directory(HOME.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        try {
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                npm.destroyForcibly();
                throw new IOException("npm could not install axe-core " + VERSION + ":\n" + Files.readString(output));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while npm installed axe-core", interrupted);
        }
    }
}
