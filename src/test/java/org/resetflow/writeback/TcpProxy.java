package org.resetflow.writeback;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A TCP forwarder in front of a server, which a test can take down and bring back to play a network outage. */
final class TcpProxy {

    private final int port;
    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;

    TcpProxy(int port, String targetHost, int targetPort) {
        this.port = port;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    int port() {
        return port;
    }

    synchronized void up() throws IOException {
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
    synchronized void down() throws IOException {
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
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copying = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
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
