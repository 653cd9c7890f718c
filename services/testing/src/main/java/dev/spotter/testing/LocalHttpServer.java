package dev.spotter.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** An HTTP server on a free port of 127.0.0.1, a virtual thread per request: the outside systems tests stand in for. */
public final class LocalHttpServer {

    private LocalHttpServer() {
    }

    /** Starts a server that hands every request to {@code handler}; stop it with {@code stop(0)}. */
    public static HttpServer start(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", handler);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
