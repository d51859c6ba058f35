package org.resetflow.channel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.resetflow.testing.EmbeddedTestDefaults;
import org.resetflow.testing.TcpProxy;

/**
 * An SMTP server that takes its time: a TCP forwarder in front of a real one (GreenMail) that holds back the server's
 * acceptance of each message (the reply to the end of its data) for a fixed latency, as a slow provider does. The
 * latency is the server's, simulated; no test waits on it.
 */
final class SlowSmtpProxy implements AutoCloseable {

    private final TcpProxy proxy;
    private final Duration latency;
    private final AtomicInteger messagesHeldBack = new AtomicInteger();

    SlowSmtpProxy(int smtpPort, Duration latency) {
        this.latency = latency;
        this.proxy = new TcpProxy(EmbeddedTestDefaults.freePort(), "127.0.0.1", smtpPort, this::replies);
        try {
            proxy.up();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int port() {
        return proxy.port();
    }

    /** How many messages the server accepted, each after its latency. */
    int messagesHeldBack() {
        return messagesHeldBack.get();
    }

    /**
     * Relays the server's replies line by line; the first reply after "354" (go ahead with the data) is the
     * acceptance of the message, and goes out only after the latency.
     */
    private void replies(InputStream server, OutputStream client) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean dataSent = false;
        for (int b = server.read(); b != -1; b = server.read()) {
            line.write(b);
            if (b != '\n') {
                continue;
            }
            String reply = line.toString(StandardCharsets.US_ASCII);
            if (dataSent && reply.startsWith("250")) {
                CompletableFuture.runAsync(() -> { }, CompletableFuture.delayedExecutor(latency.toMillis(), TimeUnit.MILLISECONDS)).join();
                messagesHeldBack.incrementAndGet();
                dataSent = false;
            }
            dataSent |= reply.startsWith("354");
            client.write(line.toByteArray());
            client.flush();
            line.reset();
        }
    }

    @Override
    public void close() throws IOException {
        proxy.down();
    }
}
