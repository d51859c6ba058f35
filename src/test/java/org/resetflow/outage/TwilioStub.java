package org.resetflow.outage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A text-message provider in Twilio's place (its Messages and Calls resources), which a drill can make fail: it
 * accepts (201), answers 503, or holds every request without an answer until the drill ends the outage, as a provider
 * that hangs does. A held request is answered 504 once released: the client has given up on it by then, and the stub
 * counts it as not sent. Only accepted messages count as sent.
 */
final class TwilioStub implements AutoCloseable {

    enum Mode { ACCEPT, UNAVAILABLE, HANG }

    /** One accepted message or call: its resource ({@code Messages.json}, {@code Calls.json}) and its form. */
    record Sent(String resource, Map<String, String> form) {
        String to() {
            return form.get("To");
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "twilio-stub");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger unavailable = new AtomicInteger();
    private final AtomicInteger held = new AtomicInteger();
    private volatile Mode mode = Mode.ACCEPT;
    private volatile CountDownLatch release = new CountDownLatch(1);

    TwilioStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/2010-04-01/Accounts/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, every request meets this behaviour; requests held so far are released (and not sent). */
    synchronized void mode(Mode next) {
        mode = next;
        CountDownLatch previous = release;
        release = new CountDownLatch(1);
        previous.countDown();
    }

    List<Sent> sentTo(String number) {
        return sent.stream().filter(message -> number.equals(message.to())).toList();
    }

    int answeredUnavailable() {
        return unavailable.get();
    }

    int heldWithoutAnswer() {
        return held.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            CountDownLatch releasedBy = release;
            switch (mode) {
                case ACCEPT -> {
                    sent.add(new Sent(path.substring(path.lastIndexOf('/') + 1), form));
                    answer(exchange, 201, "{\"sid\": \"SM" + sent.size() + "\", \"status\": \"queued\"}");
                }
                case UNAVAILABLE -> {
                    unavailable.incrementAndGet();
                    answer(exchange, 503, "{\"code\": 20503, \"message\": \"Service unavailable\", \"status\": 503}");
                }
                case HANG -> {
                    held.incrementAndGet();
                    try {
                        // the provider holds the request; the drill ends the outage, the stub its life at the latest
                        releasedBy.await(5, TimeUnit.MINUTES);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    answer(exchange, 504, "");
                }
                default -> throw new IllegalStateException(mode.name());
            }
        } catch (IOException clientGone) {
            // the client gave up (its timeout) before the answer: nothing was sent
        }
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        mode(Mode.ACCEPT);
        server.stop(0);
        threads.shutdownNow();
    }
}
