package im.universal.contact.control;

import im.universal.contact.entity.Contact;
import im.universal.contact.entity.ContactState;
import im.universal.platform.InLists;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only questions about contact relations, shared by the contact and presence boundaries. */
public final class ContactQueries {
    private ContactQueries() {}

    /** True when local user {@code owner} has {@code peer} as an accepted contact. */
    public static boolean isAccepted(EntityManager em, String owner, String peer) {
        return em
                .createNamedQuery(Contact.BY_OWNER_ADDRESS_AND_PEER, Contact.class)
                .setParameter("owner", owner)
                .setParameter("peer", peer)
                .getResultList()
                .stream()
                .anyMatch(c -> c.state() == ContactState.ACCEPTED);
    }

    /**
     * Which of the (owner, peer) combinations of the given local owners and peers are accepted contacts, in one
     * query per chunk of each ({@link InLists}): the answer holds every accepted pair among them, as (owner address,
     * peer address) entries.
     */
    public static Set<Map.Entry<String, String>> acceptedPairs(
            EntityManager em, Collection<String> owners, Collection<String> peers) {
        Set<Map.Entry<String, String>> pairs = new HashSet<>();
        List<List<String>> peerChunks = InLists.chunks(peers);
        for (List<String> ownerChunk : InLists.chunks(owners)) {
            for (List<String> peerChunk : peerChunks) {
                TypedQuery<Object[]> query = em.createQuery(
                        "select c.owner.address, c.peerAddress from Contact c where c.state = :state"
                                + " and c.owner.address in " + InLists.parameters("o", ownerChunk.size())
                                + " and c.peerAddress in " + InLists.parameters("p", peerChunk.size()),
                        Object[].class);
                InLists.bind(InLists.bind(query, "o", ownerChunk), "p", peerChunk)
                        .setParameter("state", ContactState.ACCEPTED)
                        .getResultList()
                        .forEach(row -> pairs.add(Map.entry((String) row[0], (String) row[1])));
            }
        }
        return pairs;
    }

    /** The addresses of the accepted contacts (on any ISP) of the local user whose account id is {@code ownerId}. */
    public static List<String> acceptedPeers(EntityManager em, long ownerId) {
        return em.createQuery(
                        "select c.peerAddress from Contact c where c.owner.id = :ownerId and c.state = :state",
                        String.class)
                .setParameter("ownerId", ownerId)
                .setParameter("state", ContactState.ACCEPTED)
                .getResultList();
    }
}
