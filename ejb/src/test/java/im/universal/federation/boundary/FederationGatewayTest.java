package im.universal.federation.boundary;

import static im.universal.platform.JsonSupport.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import im.universal.federation.control.EnvelopeCodec;
import im.universal.federation.control.EnvelopeRejected;
import im.universal.federation.control.EnvelopeType;
import im.universal.federation.control.KnownIsps;
import im.universal.federation.control.OrderingLane;
import im.universal.federation.control.OutboxWritten;
import im.universal.federation.entity.OutboxEntry;
import im.universal.platform.ErrorCode;
import im.universal.platform.IspConfig;
import im.universal.platform.TestDatabase;
import im.universal.platform.UimException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A batch of envelopes goes to the outbox in its order, each to its own ISP's inbox, with one wake-up of the relay. */
class FederationGatewayTest {
    private TestDatabase db;
    private final CountingEvent written = new CountingEvent();

    @BeforeEach
    void open() {
        db = new TestDatabase("federation-gateway");
    }

    @AfterEach
    void close() throws Exception {
        db.close();
    }

    @Test
    void aBatchIsWrittenInOrderEachToItsIspWithOneWakeUp() throws Exception {
        List<Addressed> receipts = List.of(
                receipt("m-1", "bob@beta.test"), receipt("m-2", "carol@gamma.test"), receipt("m-3", "bob@beta.test"));

        db.inTransaction(em -> {
            gateway(em).sendAll(EnvelopeType.RECEIPT, receipts);
            return null;
        });

        List<OutboxEntry> rows = db.inTransaction(em ->
                em.createNamedQuery(OutboxEntry.OLDEST_FIRST, OutboxEntry.class).getResultList());
        assertEquals(
                List.of("queue:uim.isp.beta.test", "queue:uim.isp.gamma.test", "queue:uim.isp.beta.test"),
                rows.stream().map(OutboxEntry::destination).toList());
        assertEquals(
                List.of("m-1", "m-2", "m-3"),
                rows.stream().map(FederationGatewayTest::serverId).toList());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals("receipt", rows.get(i).type());
            assertEquals(
                    OrderingLane.of(EnvelopeType.RECEIPT, receipts.get(i).payload()),
                    rows.get(i).lane());
        }
        assertEquals(1, written.fired);
    }

    @Test
    void anUnknownIspRefusesTheCallAndNothingIsWritten() throws Exception {
        List<Addressed> receipts = List.of(receipt("m-1", "bob@beta.test"), receipt("m-2", "dave@nowhere.test"));

        UimException refused = assertThrows(
                UimException.class,
                () -> db.inTransaction(em -> {
                    gateway(em).sendAll(EnvelopeType.RECEIPT, receipts);
                    return null;
                }));

        assertEquals(ErrorCode.UNKNOWN_USER, refused.code());
        assertEquals(List.of("0"), db.column("select count(*) from outbox"));
    }

    @Test
    void anEmptyBatchWritesNothingAndWakesNobody() throws Exception {
        db.inTransaction(em -> {
            gateway(em).sendAll(EnvelopeType.MESSAGE, List.of());
            return null;
        });

        assertEquals(List.of("0"), db.column("select count(*) from outbox"));
        assertEquals(0, written.fired);
    }

    private FederationGateway gateway(EntityManager em) {
        FederationGateway gateway = new FederationGateway();
        gateway.em = em;
        gateway.config = new IspConfig("alpha.test", 24, 1_000);
        gateway.knownIsps = new KnownIsps() {
            @Override
            public boolean isKnown(String domain) {
                return Set.of("beta.test", "gamma.test").contains(domain);
            }
        };
        gateway.written = written;
        return gateway;
    }

    private static Addressed receipt(String serverId, String sender) {
        JsonObject payload = JSON.createObjectBuilder()
                .add("serverId", serverId)
                .add("from", "alice@alpha.test")
                .add("to", sender)
                .add("status", "delivered")
                .build();
        return new Addressed(sender.substring(sender.indexOf('@') + 1), payload);
    }

    private static String serverId(OutboxEntry row) {
        try {
            return EnvelopeCodec.decode(row.envelope()).payload().getString("serverId");
        } catch (EnvelopeRejected e) {
            throw new AssertionError(e);
        }
    }

    /** Counts what is fired; the relay's observer is not part of this test. */
    private static final class CountingEvent implements Event<OutboxWritten> {
        int fired;

        @Override
        public void fire(OutboxWritten event) {
            fired++;
        }

        @Override
        public <U extends OutboxWritten> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends OutboxWritten> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<OutboxWritten> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends OutboxWritten> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends OutboxWritten> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
