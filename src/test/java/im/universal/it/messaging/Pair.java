package im.universal.it.messaging;

import static im.universal.it.support.Fixtures.FEDERATION_HOP;
import static im.universal.it.support.Fixtures.PASSWORD;
import static org.junit.jupiter.api.Assertions.assertEquals;

import im.universal.it.support.ApiClient;
import im.universal.it.support.Await;
import im.universal.it.support.IspProcess;
import java.util.UUID;

/**
 * Two fresh users who are accepted contacts, registered on the given ISPs (unique names, so test classes can share
 * one federation). {@code a} asked, {@code b} approved.
 */
record Pair(User a, User b) {

    record User(String name, String address, String token, IspProcess isp) {
        ApiClient api() {
            return isp.api();
        }
    }

    static User register(IspProcess isp, String prefix, boolean listed) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        ApiClient api = isp.api();
        api.register(name, PASSWORD, prefix, listed);
        return new User(name, name + "@" + isp.domain(), api.login(name, PASSWORD), isp);
    }

    static Pair contacts(IspProcess ispA, IspProcess ispB, String prefixA, String prefixB) {
        User a = register(ispA, prefixA, true);
        User b = register(ispB, prefixB, true);
        ApiClient.Response ask = a.api().put("api/v1/contacts/" + b.address(), a.token());
        assertEquals(202, ask.status(), ask::toString);
        Await.until(b.address() + " sees the request", FEDERATION_HOP, () -> "pending-in"
                .equals(b.api().contactState(b.token(), a.address())));
        ApiClient.Response approve = b.api().post("api/v1/contacts/" + a.address() + "/approve", null, b.token());
        assertEquals(204, approve.status(), approve::toString);
        Await.until(a.address() + " sees the approval", FEDERATION_HOP, () -> "accepted"
                .equals(a.api().contactState(a.token(), b.address())));
        return new Pair(a, b);
    }
}
