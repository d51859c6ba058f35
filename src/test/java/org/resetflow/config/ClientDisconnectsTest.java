package org.resetflow.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jersey's log loses its line about a client that went away, and nothing else. */
class ClientDisconnectsTest {

    private final Logger jersey = Logger.getLogger(ClientDisconnects.JERSEY_RESPONDER);
    private final List<LogRecord> logged = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord entry) {
            logged.add(entry);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private boolean parentHandlers;

    @BeforeEach
    void listen() {
        new ClientDisconnects();
        parentHandlers = jersey.getUseParentHandlers();
        jersey.setUseParentHandlers(false);
        jersey.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        jersey.removeHandler(handler);
        jersey.setUseParentHandlers(parentHandlers);
    }

    @Test
    void aClientThatClosedTheConnectionIsNoError() {
        jersey.log(Level.SEVERE, "An I/O error has occurred while writing a response message entity to the container output stream.",
                new IllegalStateException("mappable", new ClientAbortException(new IOException("Broken pipe"))));

        assertThat(logged).isEmpty();
    }

    @Test
    void everyOtherLineStays() {
        jersey.log(Level.SEVERE, "An exception has been thrown from an exception mapper", new IllegalStateException("a bug"));
        jersey.log(Level.SEVERE, "An I/O error has occurred while writing a response message entity to the container output stream.",
                new IOException("disk full"));

        assertThat(logged).extracting(LogRecord::getMessage).containsExactly("An exception has been thrown from an exception mapper",
                "An I/O error has occurred while writing a response message entity to the container output stream.");
    }
}
