package im.universal.web.rest;

import im.universal.platform.ErrorCode;
import im.universal.platform.RetryLaterException;
import im.universal.platform.UimException;
import im.universal.web.json.Views;
import jakarta.ejb.EJBException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure becomes the documented error body; nothing internal (stack trace, class name, SQL) leaves the
 * server. Unexpected failures are logged here with the detail the client does not get.
 */
@Provider
public class ErrorMapper implements ExceptionMapper<Throwable> {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RetryLaterException retry) {
            return Response.fromResponse(error(retry.code(), retry.getMessage()))
                    .header("Retry-After", retry.retryAfterSeconds())
                    .build();
        }
        if (cause instanceof UimException uim) {
            return error(uim.code(), uim.getMessage());
        }
        if (cause instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return error(status, codeFor(status), reasonFor(status));
        }
        LOG.log(Level.SEVERE, "Unexpected failure in a REST call", failure);
        return error(ErrorCode.INTERNAL_ERROR, "Internal server error");
    }

    static Response error(ErrorCode code, String message) {
        return error(code.httpStatus(), code.code(), message);
    }

    static Response error(int status, String code, String message) {
        return Responses.json(status, Views.error(code, message));
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.INVALID_REQUEST.code();
            case 401 -> ErrorCode.UNAUTHORIZED.code();
            case 404 -> ErrorCode.NOT_FOUND.code();
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED.code();
            case 406 -> "not_acceptable";
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE.code();
            case 503 -> ErrorCode.UNAVAILABLE.code();
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR.code() : ErrorCode.INVALID_REQUEST.code();
        };
    }

    static String reasonFor(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known == null ? "Error " + status : known.getReasonPhrase();
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof EJBException || t.getClass().getName().endsWith("TransactionRolledbackLocalException"))
                && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
