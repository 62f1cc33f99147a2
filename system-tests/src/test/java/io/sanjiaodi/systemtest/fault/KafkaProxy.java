package io.sanjiaodi.systemtest.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in the test between every Kafka client and the broker, which advertises the proxy's
 * port (DevKafka's {@code --advertised-port}), so clients also reconnect through it. The test drops every
 * connection with a reset, delays every chunk forwarded, or holds every byte (a partition that
 * leaves the connections open), and lifts that again.
 */
final class KafkaProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile long delayMillis;
    private volatile boolean holding;
    private volatile boolean closed;

    KafkaProxy(int port, int brokerPort) throws IOException {
        this.server = new ServerSocket();
        this.server.setReuseAddress(true);
        this.server.bind(new InetSocketAddress("localhost", port));
        this.brokerPort = brokerPort;
        Thread acceptor = new Thread(this::accept, "kafka-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes every connection with a TCP reset (SO_LINGER 0); clients reconnect through the proxy. */
    int reset() {
        int n = 0;
        for (Socket socket : open) {
            try {
                socket.setSoLinger(true, 0);
                socket.close();
                n++;
            } catch (IOException ignored) {
                // closed already
            }
        }
        open.clear();
        return n;
    }

    void delay(long millis) {
        this.delayMillis = millis;
    }

    /** While holding, no byte is forwarded either way; the connections stay open. */
    void hold(boolean holding) {
        this.holding = holding;
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket broker = new Socket();
                try {
                    broker.connect(new InetSocketAddress("localhost", brokerPort), 2000);
                } catch (IOException down) {
                    client.setSoLinger(true, 0);
                    client.close(); // the broker is down: refuse, as a dead port would
                    continue;
                }
                client.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                open.add(client);
                open.add(broker);
                pump(client, broker);
                pump(broker, client);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(
                () -> {
                    byte[] buffer = new byte[64 * 1024];
                    try (InputStream in = from.getInputStream();
                            OutputStream out = to.getOutputStream()) {
                        int n;
                        while ((n = in.read(buffer)) >= 0) {
                            while (holding && !closed) {
                                Cluster.sleep(50);
                            }
                            if (delayMillis > 0) {
                                Cluster.sleep(delayMillis);
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    } catch (SocketException reset) {
                        // one side went away
                    } catch (IOException e) {
                        // likewise
                    } finally {
                        closeQuietly(from);
                        closeQuietly(to);
                        open.remove(from);
                        open.remove(to);
                    }
                },
                "kafka-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
        reset();
    }
}
