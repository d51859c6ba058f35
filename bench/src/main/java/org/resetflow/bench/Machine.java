package org.resetflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The machine the figures come from. */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", line("/proc/cpuinfo", "model name"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memoryMiB", kib("MemTotal") / 1024);
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + pretty());
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        return machine;
    }

    private static String line(String file, String key) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key)).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long kib(String key) {
        String value = line("/proc/meminfo", key).replaceAll("\\D", "");
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    private static String pretty() {
        try {
            return Files.readAllLines(Path.of("/etc/os-release")).stream().filter(l -> l.startsWith("PRETTY_NAME="))
                    .findFirst().map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", "")).orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
