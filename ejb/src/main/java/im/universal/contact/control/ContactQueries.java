package im.universal.contact.control;

import im.universal.contact.entity.Contact;
import im.universal.contact.entity.ContactState;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only questions about contact relations, shared by the contact and presence boundaries. */
public final class ContactQueries {
    static final int IN_CHUNK = 1_000;

    private ContactQueries() {}

    /** True when local user {@code owner} has {@code peer} as an accepted contact. */
    public static boolean isAccepted(EntityManager em, String owner, String peer) {
        return em.createNamedQuery(Contact.BY_OWNER_ADDRESS_AND_PEER, Contact.class)
                .setParameter("owner", owner)
                .setParameter("peer", peer)
                .getResultStream()
                .anyMatch(c -> c.state() == ContactState.ACCEPTED);
    }

    /**
     * Which of the (owner, peer) combinations of the given local owners and peers are accepted contacts, in one
     * query: the answer holds every accepted pair among them, as (owner address, peer address) entries.
     */
    public static Set<Map.Entry<String, String>> acceptedPairs(
            EntityManager em, Collection<String> owners, Collection<String> peers) {
        Set<Map.Entry<String, String>> pairs = new HashSet<>();
        if (peers.isEmpty()) {
            return pairs;
        }
        List<String> all = List.copyOf(owners);
        // bounded parameter lists (PostgreSQL takes at most 32767 parameters per statement)
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            em.createQuery(
                            "select c.owner.address, c.peerAddress from Contact c where c.owner.address in :owners"
                                    + " and c.peerAddress in :peers and c.state = :state",
                            Object[].class)
                    .setParameter("owners", all.subList(from, Math.min(all.size(), from + IN_CHUNK)))
                    .setParameter("peers", peers)
                    .setParameter("state", ContactState.ACCEPTED)
                    .getResultList()
                    .forEach(row -> pairs.add(Map.entry((String) row[0], (String) row[1])));
        }
        return pairs;
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
