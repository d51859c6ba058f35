package org.resetflow.bench.ceiling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What ResetFlow deploys to its engine (its {@code camunda.bpm.deployment-resource-pattern}): {@code processes/*.bpmn},
 * {@code processes/*.dmn} and {@code forms/*.form}, by resource name. Read from the product jar under measurement,
 * so the ceiling runs exactly the models of the jar it is compared with, or from a repository's top level.
 */
record ProductModels(Map<String, byte[]> resources) {

    private static final Pattern DEPLOYED = Pattern.compile("processes/[^/]+\\.(bpmn|dmn)|forms/[^/]+\\.form");
    private static final String BOOT_CLASSES = "BOOT-INF/classes/";

    static ProductModels read(Path source) {
        Map<String, byte[]> resources = new TreeMap<>();
        try {
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source, 2)) {
                    for (Path file : files.filter(Files::isRegularFile).toList()) {
                        String name = source.relativize(file).toString().replace('\\', '/');
                        if (DEPLOYED.matcher(name).matches()) {
                            resources.put(name, Files.readAllBytes(file));
                        }
                    }
                }
            } else {
                try (ZipFile jar = new ZipFile(source.toFile())) {
                    for (ZipEntry entry : jar.stream().toList()) {
                        String name = entry.getName().startsWith(BOOT_CLASSES) ? entry.getName().substring(BOOT_CLASSES.length()) : entry.getName();
                        if (!entry.isDirectory() && DEPLOYED.matcher(name).matches()) {
                            resources.put(name, jar.getInputStream(entry).readAllBytes());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read ResetFlow's models from " + source, e);
        }
        if (resources.keySet().stream().noneMatch(name -> name.endsWith(".bpmn"))) {
            throw new IllegalStateException("No processes/*.bpmn in " + source + ": give the ResetFlow jar (or the repository's top level)");
        }
        return new ProductModels(Map.copyOf(resources));
    }

    Map<String, byte[]> withSuffix(String suffix) {
        Map<String, byte[]> found = new TreeMap<>();
        resources.forEach((name, bytes) -> {
            if (name.endsWith(suffix)) {
                found.put(name, bytes);
            }
        });
        return found;
    }
}
