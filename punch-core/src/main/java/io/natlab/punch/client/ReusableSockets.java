package io.natlab.punch.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;

/**
 * Sockets that share one local port: SO_REUSEADDR and SO_REUSEPORT are set before bind on every one of them
 * (with SO_REUSEADDR alone, binding next to a listener fails with "Address already in use").
 */
final class ReusableSockets {
    private ReusableSockets() {
    }

    static Socket boundSocket(InetSocketAddress local) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            socket.bind(local);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    static ServerSocket listener(InetSocketAddress local) throws IOException {
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            listener.bind(local, 16);
            return listener;
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
    }

    /**
     * Closes with a reset instead of FIN. Every socket here uses the same local port, and the next run reuses
     * the same 4-tuples: a TIME_WAIT entry would make that connect fail for 60 s.
     */
    static void closeAbortively(Socket socket) {
        if (socket == null) {
            return;
        }
        try {
            if (!socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException ignored) {
            // Not connected or already broken: a plain close leaves no TIME_WAIT either.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Best effort during cleanup.
        }
    }
}
