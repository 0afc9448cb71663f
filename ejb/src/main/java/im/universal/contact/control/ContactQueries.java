package im.universal.contact.control;

import im.universal.contact.entity.Contact;
import im.universal.contact.entity.ContactState;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Read-only questions about contact relations, shared by the contact and presence boundaries. */
public final class ContactQueries {
    private ContactQueries() {}

    /** True when local user {@code owner} has {@code peer} as an accepted contact. */
    public static boolean isAccepted(EntityManager em, String owner, String peer) {
        return em.createNamedQuery(Contact.BY_OWNER_ADDRESS_AND_PEER, Contact.class)
                .setParameter("owner", owner)
                .setParameter("peer", peer)
                .getResultStream()
                .anyMatch(c -> c.state() == ContactState.ACCEPTED);
    }

    /** The addresses of local user {@code owner}'s accepted contacts, on any ISP. */
    public static List<String> acceptedPeers(EntityManager em, String owner) {
        return em.createQuery(
                        "select c.peerAddress from Contact c where c.owner.address = :owner and c.state = :state",
                        String.class)
                .setParameter("owner", owner)
                .setParameter("state", ContactState.ACCEPTED)
                .getResultList();
    }
}
