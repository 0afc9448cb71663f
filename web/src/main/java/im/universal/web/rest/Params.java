package im.universal.web.rest;

import im.universal.web.json.JsonInput;

/** Query parameter parsing with documented errors. */
final class Params {
    private Params() {}

    static Integer optionalInt(String raw, String name) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            throw JsonInput.invalid(name + " must be a number");
        }
    }
}
