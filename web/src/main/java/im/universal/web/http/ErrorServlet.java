package im.universal.web.http;

import im.universal.web.json.Views;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (web.xml): unknown routes, wrong methods and failures outside JAX-RS get the same
 * error JSON as the API, never an HTML page with a stack trace.
 */
@WebServlet("/error")
public class ErrorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object raw = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = raw instanceof Integer code ? code : 404;
        String code =
                switch (status) {
                    case 400 -> "invalid_request";
                    case 401 -> "unauthorized";
                    case 403 -> "forbidden";
                    case 404 -> "not_found";
                    case 405 -> "method_not_allowed";
                    case 415 -> "unsupported_media_type";
                    default -> status >= 500 ? "internal_error" : "invalid_request";
                };
        String message = status >= 500 ? "Internal server error" : "Error " + status;
        response.reset();
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Views.error(code, message).toString());
    }
}
