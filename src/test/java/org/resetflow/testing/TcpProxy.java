package org.resetflow.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a server, which a test can take down and bring back to play a network outage, and which
 * may relay the server's bytes its own way (a slow server).
 */
public final class TcpProxy {

    /** How the server's bytes reach the client. */
    public interface Relay {
        void relay(InputStream server, OutputStream client) throws IOException;
    }

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final Relay fromServer;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    public TcpProxy(int port, String targetHost, int targetPort) {
        this(port, targetHost, targetPort, InputStream::transferTo);
    }

    public TcpProxy(int port, String targetHost, int targetPort, Relay fromServer) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.fromServer = fromServer;
    }

    public int port() {
        return port;
    }

    public synchronized void up() throws IOException {
        if (listener != null) {
            return;
        }
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        listener = server;
        Thread accepting = new Thread(() -> accept(server), "tcp-proxy-" + port);
        accepting.setDaemon(true);
        accepting.start();
    }

    /** Refuses new connections and cuts the ones in use, as an unreachable server would look. */
    public synchronized void down() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(targetHost, targetPort);
                open.add(client);
                open.add(upstream);
                pipe(client, upstream, InputStream::transferTo);
                pipe(upstream, client, fromServer);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void pipe(Socket from, Socket to, Relay relay) {
        Thread copying = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                relay.relay(in, out);
            } catch (IOException ended) {
                // one side closed: close both
            } finally {
                close(from);
                close(to);
            }
        }, "tcp-proxy-pipe");
        copying.setDaemon(true);
        copying.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
