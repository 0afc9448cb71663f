package im.universal.it.browser;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A TCP proxy on 127.0.0.1 in front of one ISP, standing in for the network between a browser and its server.
 * The browser loads the page from {@link #baseUri()}, so its REST calls and its WebSocket flow through here.
 *
 * <p>Connections whose first request is {@code GET /ws/v1} are WebSockets: the test can cut them (the proxy
 * closes its connection to the ISP first, then the one to the browser, as a dropped NAT entry or a restarted load
 * balancer would), refuse new ones for a while (network down), or silently drop what the server sends on them
 * (acks lost on the way). Their handshake's {@code Origin} is rewritten to the ISP's own origin, because the page
 * comes from the proxy's port; that is what an operator's {@code uim.allowed.origins} would allow.
 */
final class SocketProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SocketProxy.class.getName());
    private static final int MAX_HEAD = 64 * 1024;

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Link> webSockets = ConcurrentHashMap.newKeySet();
    private final Set<Socket> all = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean closed;

    /** A WebSocket connection through the proxy: browser side, ISP side, and whether server bytes are dropped. */
    private static final class Link {
        final Socket browser;
        final Socket isp;
        volatile boolean dropDownstream;

        Link(Socket browser, Socket isp) {
            this.browser = browser;
            this.isp = isp;
        }
    }

    SocketProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "proxy-accept-" + port());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** {@code http://127.0.0.1:<proxy port>/}: open the page here. */
    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** WebSocket handshakes seen so far (each reconnect adds one, refused ones included). */
    int handshakes() {
        return handshakes.get();
    }

    /** WebSocket connections open right now. */
    int openWebSockets() {
        return webSockets.size();
    }

    /** While true, new WebSocket connections are closed at once, before reaching the ISP. */
    void refuseWebSockets(boolean refuse) {
        this.refusing = refuse;
    }

    /** Cuts every open WebSocket connection: the ISP side first, then the browser side. */
    void cutWebSockets() {
        for (Link link : List.copyOf(webSockets)) {
            quietly(link.isp);
            quietly(link.browser);
            webSockets.remove(link);
        }
    }

    /** From now on, what the ISP sends on the open WebSocket connections is dropped (the browser gets nothing). */
    void dropServerFramesOnOpenWebSockets() {
        webSockets.forEach(link -> link.dropDownstream = true);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket browser = server.accept();
                all.add(browser);
                Thread t = new Thread(() -> serve(browser), "proxy-conn-" + browser.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(Level.WARNING, "proxy accept failed", e);
                }
            }
        }
    }

    private void serve(Socket browser) {
        Socket isp = null;
        try {
            InputStream fromBrowser = new BufferedInputStream(browser.getInputStream());
            byte[] head = readHead(fromBrowser);
            if (head == null) {
                quietly(browser);
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            boolean webSocket = text.startsWith("GET /ws/v1");
            if (webSocket) {
                handshakes.incrementAndGet();
                if (refusing) {
                    quietly(browser);
                    return;
                }
                text = text.replaceAll("(?im)^Origin:[^\r\n]*", "Origin: http://127.0.0.1:" + targetPort);
                head = text.getBytes(StandardCharsets.ISO_8859_1);
            }
            isp = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            all.add(isp);
            Link link = new Link(browser, isp);
            if (webSocket) {
                webSockets.add(link);
            }
            OutputStream toIsp = isp.getOutputStream();
            toIsp.write(head);
            toIsp.flush();
            Socket ispSocket = isp;
            InputStream fromIsp = isp.getInputStream();
            Thread down =
                    new Thread(() -> pump(fromIsp, ispSocket, browser, link, true), "proxy-down-" + browser.getPort());
            down.setDaemon(true);
            down.start();
            pump(fromBrowser, browser, isp, link, false);
        } catch (IOException e) {
            quietly(browser);
            if (isp != null) {
                quietly(isp);
            }
        }
    }

    private void pump(InputStream in, Socket from, Socket to, Link link, boolean downstream) {
        byte[] buffer = new byte[16 * 1024];
        try {
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                if (downstream && link.dropDownstream) {
                    continue;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the other pump or a cut closed the sockets
        } finally {
            quietly(from);
            quietly(to);
            webSockets.remove(link);
        }
    }

    /** The request head up to and including the blank line, or null if the connection ended first. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > MAX_HEAD) {
                throw new IOException("request head too long");
            }
        }
        return null;
    }

    private void quietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        all.remove(socket);
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        List.copyOf(all).forEach(this::quietly);
    }
}
