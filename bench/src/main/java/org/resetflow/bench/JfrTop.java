package org.resetflow.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where ResetFlow's CPU time goes, from a JDK Flight Recorder file: execution samples taken while the load was
 * measured, each charged (a) to the library or layer that was running on top of the stack (JDK code to the library
 * that called it) and (b) inclusively to
 * every ResetFlow method on the stack, so the costly steps of the journey show by name.
 */
final class JfrTop {

    /** First matching prefix wins, checked from the top of the stack down. */
    private static final Map<String, String> LAYERS = new LinkedHashMap<>();

    static {
        LAYERS.put("org.bouncycastle.crypto.generators.Argon2", "Argon2id hashing (security answers)");
        LAYERS.put("org.bouncycastle", "Bouncy Castle (other)");
        LAYERS.put("org.h2.", "H2 database");
        LAYERS.put("org.postgresql.", "PostgreSQL driver");
        LAYERS.put("com.zaxxer.hikari", "Connection pool");
        LAYERS.put("com.unboundid.", "LDAP (UnboundID: embedded directories)");
        LAYERS.put("com.sun.jndi.ldap", "LDAP client (JNDI)");
        LAYERS.put("org.springframework.ldap", "LDAP client (Spring LDAP)");
        LAYERS.put("org.apache.ibatis", "MyBatis (Camunda persistence)");
        LAYERS.put("org.camunda.bpm.engine.impl.db", "Camunda persistence");
        LAYERS.put("org.camunda.bpm.engine.impl.history", "Camunda history");
        LAYERS.put("org.camunda.bpm.engine.impl.jobexecutor", "Camunda job executor");
        LAYERS.put("org.camunda.bpm.engine.impl.juel", "Camunda expressions");
        LAYERS.put("org.camunda.bpm.dmn", "DMN engine");
        LAYERS.put("org.camunda.bpm", "Camunda engine (other)");
        LAYERS.put("org.camunda", "Camunda (other)");
        LAYERS.put("com.fasterxml.jackson", "JSON (Jackson)");
        LAYERS.put("org.passay", "Password policy (Passay)");
        LAYERS.put("io.github.bucket4j", "Throttling (Bucket4j)");
        LAYERS.put("ch.qos.logback", "Logging");
        LAYERS.put("org.slf4j", "Logging");
        LAYERS.put("org.springframework.security", "Spring Security");
        LAYERS.put("org.springframework", "Spring (other)");
        LAYERS.put("org.apache.tomcat", "Tomcat / HTTP");
        LAYERS.put("org.apache.coyote", "Tomcat / HTTP");
        LAYERS.put("org.apache.catalina", "Tomcat / HTTP");
        LAYERS.put("org.resetflow", "ResetFlow code");
        LAYERS.put("java.util.regex", "JDK regex");
        LAYERS.put("java.util.zip", "JDK zip");
        LAYERS.put("sun.security", "JDK crypto / TLS");
        LAYERS.put("javax.crypto", "JDK crypto / TLS");
        LAYERS.put("com.sun.crypto", "JDK crypto / TLS");
    }

    private static final List<String> JDK_LAYERS = List.of("java.util.regex", "java.util.zip", "sun.security", "javax.crypto",
            "com.sun.crypto", "com.sun.jndi.ldap");

    record Profile(long samples, Map<String, Double> layers, Map<String, Double> resetflowInclusive, Map<String, Double> topFrames) {
    }

    static Profile read(Path recording, Instant from, Instant to) throws IOException {
        Map<String, Long> layers = new TreeMap<>();
        Map<String, Long> inclusive = new TreeMap<>();
        Map<String, Long> frames = new TreeMap<>();
        long samples = 0;
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
                    || event.getStartTime().isBefore(from) || event.getStartTime().isAfter(to)) {
                continue;
            }
            samples++;
            List<RecordedFrame> stack = event.getStackTrace().getFrames();
            String layer = "JDK (other)";
            search:
            for (RecordedFrame frame : stack) {
                String type = frame.getMethod().getType().getName();
                if (isJdk(type) && !JDK_LAYERS.stream().anyMatch(type::startsWith)) {
                    continue;
                }
                for (Map.Entry<String, String> candidate : LAYERS.entrySet()) {
                    if (type.startsWith(candidate.getKey())) {
                        layer = candidate.getValue();
                        break search;
                    }
                }
            }
            layers.merge(layer, 1L, Long::sum);
            if (!stack.isEmpty()) {
                frames.merge(name(stack.get(0)), 1L, Long::sum);
            }
            stack.stream().filter(frame -> frame.getMethod().getType().getName().startsWith("org.resetflow"))
                    .filter(frame -> !frame.getMethod().getType().getName().contains("$$Lambda")
                            && !name(frame).matches("\\d+\\..*") && !frame.getMethod().getName().startsWith("lambda$"))
                    .map(JfrTop::name).distinct().forEach(method -> inclusive.merge(method, 1L, Long::sum));
        }
        return new Profile(samples, top(layers, samples, 20), top(inclusive, samples, 25), top(frames, samples, 20));
    }

    /** JDK code is charged to its caller, unless it is a layer of its own (regex, zip, crypto). */
    private static boolean isJdk(String type) {
        return type.startsWith("java.") || type.startsWith("jdk.") || type.startsWith("sun.") || type.startsWith("javax.")
                || type.startsWith("com.sun.");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    /** The largest shares, in per cent of all samples. */
    private static Map<String, Double> top(Map<String, Long> counts, long samples, int limit) {
        Map<String, Double> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(entry -> top.put(entry.getKey(), Load.round(100.0 * entry.getValue() / Math.max(1, samples))));
        return top;
    }
}
