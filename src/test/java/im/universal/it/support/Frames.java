package im.universal.it.support;

import jakarta.json.JsonObject;
import java.util.function.Predicate;

/** Predicates on protocol frames, for {@link WsClient#awaitFrame}. */
public final class Frames {

    private Frames() {}

    public static Predicate<JsonObject> type(String type) {
        return frame -> type.equals(Json.str(frame, "type"));
    }

    /** An {@code ack} or an {@code error} answering the client message {@code id}. */
    public static Predicate<JsonObject> answerTo(String clientId) {
        return frame -> ("ack".equals(Json.str(frame, "type")) && clientId.equals(Json.str(frame, "id")))
                || ("error".equals(Json.str(frame, "type")) && clientId.equals(Json.str(frame, "ref")));
    }

    public static Predicate<JsonObject> messageFrom(String from) {
        return type("message").and(frame -> from.equals(Json.str(frame, "from")));
    }

    public static Predicate<JsonObject> contactRequestFrom(String from) {
        return type("contact-request").and(frame -> from.equals(Json.str(frame, "from")));
    }

    public static Predicate<JsonObject> presence(String from, String show) {
        return type("presence")
                .and(frame -> from.equals(Json.str(frame, "from")) && show.equals(Json.str(frame, "show")));
    }
}
