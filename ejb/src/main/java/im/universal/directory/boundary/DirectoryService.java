package im.universal.directory.boundary;

import im.universal.account.entity.Account;
import im.universal.directory.entity.DirectoryEntry;
import im.universal.platform.Address;
import im.universal.platform.ErrorCode;
import im.universal.platform.InLists;
import im.universal.platform.IspConfig;
import im.universal.platform.UimException;
import im.universal.session.control.Caller;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The directory: this ISP's listed users plus the listed users other ISPs broadcast. */
@Stateless
public class DirectoryService {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_QUERY = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    IspConfig config;

    /** Searches address and display name; a proprietary session sees only its own ISP. */
    public DirectoryPage search(Caller caller, String q, Integer limit) {
        int max = limit == null ? DEFAULT_LIMIT : limit;
        if (max < 1 || max > MAX_LIMIT) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        String text = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
        if (text.length() > MAX_QUERY) {
            throw new UimException(ErrorCode.INVALID_REQUEST, "query too long");
        }
        String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        String where = " from DirectoryEntry d where (lower(d.address) like :p escape '\\'"
                + " or lower(d.displayName) like :p escape '\\')"
                + (caller.isProprietary() ? " and d.domain = :own" : "");
        TypedQuery<DirectoryEntry> query = em.createQuery(
                        "select d" + where + " order by d.address", DirectoryEntry.class)
                .setParameter("p", pattern)
                .setMaxResults(max);
        TypedQuery<Long> count =
                em.createQuery("select count(d)" + where, Long.class).setParameter("p", pattern);
        if (caller.isProprietary()) {
            query.setParameter("own", config.domain());
            count.setParameter("own", config.domain());
        }
        return new DirectoryPage(query.getResultList().stream().map(this::view).toList(), count.getSingleResult());
    }

    /** Lists a newly registered local user. */
    public void addLocal(Account account) {
        em.persist(new DirectoryEntry(account.localPart(), config.domain(), account.displayName()));
    }

    /** Stores or refreshes a listed user of another ISP (from a verified envelope). */
    public void upsertRemote(Address address, String displayName) {
        String name = displayName == null || displayName.isBlank() ? address.local() : displayName;
        Optional<DirectoryEntry> existing = find(address.toString());
        if (existing.isPresent()) {
            existing.get().displayName(name);
        } else {
            em.persist(new DirectoryEntry(address.local(), address.domain(), name));
        }
    }

    /** Forgets a user another ISP removed or unlisted. */
    public void removeRemote(Address address) {
        find(address.toString()).ifPresent(em::remove);
    }

    /** Updates or removes the entry of a local user after a profile change. */
    public void updateLocal(Account account) {
        Optional<DirectoryEntry> entry = find(account.address());
        if (!account.listed()) {
            entry.ifPresent(em::remove);
        } else if (entry.isPresent()) {
            entry.get().displayName(account.displayName());
        } else {
            addLocal(account);
        }
    }

    /** This ISP's listed users in address order, after {@code after} (exclusive): pages of a snapshot. */
    public List<DirectoryEntryView> localListedAfter(String after, int size) {
        return em
                .createQuery(
                        "select d from DirectoryEntry d where d.domain = :own and d.address > :after order by d.address",
                        DirectoryEntry.class)
                .setParameter("own", config.domain())
                .setParameter("after", after)
                .setMaxResults(size)
                .getResultList()
                .stream()
                .map(this::view)
                .toList();
    }

    /** How many entries of other ISPs the directory holds. */
    public long remoteCount() {
        return em.createQuery("select count(d) from DirectoryEntry d where d.domain <> :own", Long.class)
                .setParameter("own", config.domain())
                .getSingleResult();
    }

    /** The display name the directory knows for an address, if any. */
    public Optional<String> displayNameOf(String address) {
        return find(address).map(DirectoryEntry::displayName);
    }

    /** The display names the directory knows for these addresses, by address (one query per chunk of them). */
    public Map<String, String> displayNamesOf(Collection<String> addresses) {
        Map<String, String> names = new HashMap<>();
        InLists.forEachRow(
                em,
                "select d.address, d.displayName from DirectoryEntry d where d.address in ",
                addresses,
                row -> names.put((String) row[0], (String) row[1]));
        return names;
    }

    private Optional<DirectoryEntry> find(String address) {
        return em
                .createNamedQuery(DirectoryEntry.BY_ADDRESS, DirectoryEntry.class)
                .setParameter("address", address)
                .getResultList()
                .stream()
                .findFirst();
    }

    private DirectoryEntryView view(DirectoryEntry entry) {
        return new DirectoryEntryView(
                entry.address(),
                entry.displayName(),
                entry.domain(),
                entry.domain().equals(config.domain()));
    }
}
