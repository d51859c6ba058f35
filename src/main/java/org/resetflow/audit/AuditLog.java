package org.resetflow.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The JSON audit log: one line per event in a file per day (UTC), {@code audit-YYYY-MM-DD.jsonl}, written and
 * flushed as events happen, kept for {@code resetflow.audit.retention}. Optionally copied to the application log.
 */
@Component
public class AuditLog {

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);
    private static final Logger copy = LoggerFactory.getLogger("resetflow.audit");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditProperties properties;
    private final Clock clock;
    private BufferedWriter writer;
    private LocalDate day;

    public AuditLog(AuditProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        try {
            Files.createDirectories(properties.directory());
        } catch (IOException e) {
            throw new IllegalStateException("resetflow.audit.directory " + properties.directory() + " cannot be created: " + e.getMessage(), e);
        }
        if (!Files.isWritable(properties.directory())) {
            throw new IllegalStateException("resetflow.audit.directory " + properties.directory() + " is not writable");
        }
    }

    public String node() {
        return properties.node();
    }

    /** Writes the event as one line. A failure to write is logged, never thrown: the journey goes on. */
    public void write(AuditEvent event) {
        String line;
        try {
            line = JSON.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            log.error("An audit event could not be written as JSON: {}", e.getMessage());
            return;
        }
        synchronized (this) {
            try {
                writerForToday().write(line);
                writer.newLine();
                writer.flush();
            } catch (IOException | UncheckedIOException e) {
                log.error("The audit log {} cannot be written: {}", properties.directory(), e.getMessage());
            }
        }
        if (properties.alsoLog()) {
            copy.info(line);
        }
    }

    /** The file of a day. */
    public Path fileOf(LocalDate date) {
        return properties.directory().resolve("audit-" + date + ".jsonl");
    }

    private BufferedWriter writerForToday() throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        if (writer == null || !today.equals(day)) {
            if (writer != null) {
                writer.close();
            }
            writer = Files.newBufferedWriter(fileOf(today), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            day = today;
        }
        return writer;
    }

    /** Deletes the days older than the retention. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT1M")
    public void deleteExpired() {
        LocalDate oldest = LocalDate.now(clock.withZone(ZoneOffset.UTC)).minusDays(properties.retention().toDays());
        try (Stream<Path> files = Files.list(properties.directory())) {
            files.filter(file -> file.getFileName().toString().matches("audit-\\d{4}-\\d{2}-\\d{2}\\.jsonl"))
                    .filter(file -> LocalDate.parse(file.getFileName().toString().substring(6, 16)).isBefore(oldest))
                    .forEach(file -> {
                        try {
                            Files.delete(file);
                        } catch (IOException e) {
                            log.warn("Expired audit file {} could not be deleted: {}", file, e.getMessage());
                        }
                    });
        } catch (IOException e) {
            log.warn("The audit directory {} could not be listed: {}", properties.directory(), e.getMessage());
        }
    }

    @PreDestroy
    synchronized void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
