package uk.mathshubs.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Where things are, and an overlay rendered the way ops will apply it: {@code kubectl kustomize <dir>}. */
final class Manifests {

    /** The module's folder (Surefire runs here) and the repository's root. */
    static final Path K8S = Path.of("").toAbsolutePath();
    static final Path ROOT = K8S.getParent().getParent();
    static final String KUBECTL = System.getProperty("kubectl", "kubectl");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Manifests() {
    }

    /** Every document {@code kubectl kustomize dir} prints, in order. */
    static List<ObjectNode> render(Path dir) {
        Process process;
        try {
            process = new ProcessBuilder(KUBECTL, "kustomize", dir.toString())
                    .redirectErrorStream(false).start();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run '" + KUBECTL + " kustomize': the manifests are rendered with "
                    + "kubectl 1.27 or newer (embedded kustomize v5). Install it (deploy/k8s/README.md) or point "
                    + "-Dkubectl=<path> at one.", e);
        }
        try {
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err);
            }
            List<ObjectNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(out)) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && doc.isObject()) {
                        docs.add((ObjectNode) doc);
                    }
                }
            }
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String kind(JsonNode doc) {
        return doc.path("kind").asText();
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String id(JsonNode doc) {
        return kind(doc) + "/" + name(doc);
    }

    static List<ObjectNode> ofKind(List<ObjectNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(kind(d))).toList();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
