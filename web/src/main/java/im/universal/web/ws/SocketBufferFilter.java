package im.universal.web.ws;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * A small output buffer for WebSocket connections. After the upgrade every frame written is copied into the
 * response's output buffer, which the server allocates anew for each write from a thread outside its own pool:
 * with the default size that was 8 KiB of garbage per frame of a few hundred bytes, a quarter of the ISP's
 * allocation under message load (docs/benchmarks.md). A larger frame is written in several pieces.
 * Runs before the WebSocket container's own filter, which is added after the application's filters.
 */
@WebFilter(urlPatterns = "/ws/*")
public class SocketBufferFilter extends HttpFilter {
    static final int BUFFER_BYTES = 1024;
    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            response.setBufferSize(BUFFER_BYTES);
        }
        chain.doFilter(request, response);
    }
}
