package im.universal.contact.entity;

import im.universal.account.entity.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of a local user's contact list; the peer may live on any ISP. */
@Entity
@Table(name = "contact")
@NamedQuery(
        name = Contact.OF_OWNER,
        query = "select c from Contact c where c.owner.id = :ownerId order by c.peerAddress")
@NamedQuery(
        name = Contact.BY_OWNER_AND_PEER,
        query = "select c from Contact c where c.owner.id = :ownerId and c.peerAddress = :peer")
@NamedQuery(
        name = Contact.BY_OWNER_ADDRESS_AND_PEER,
        query = "select c from Contact c where c.owner.address = :owner and c.peerAddress = :peer")
@NamedQuery(
        name = Contact.OF_OWNER_IN_STATE,
        query = "select c from Contact c where c.owner.id = :ownerId and c.state = :state")
@NamedQuery(
        name = Contact.ACCEPTED_BY_PEER,
        query = "select c from Contact c join fetch c.owner where c.peerAddress = :peer and c.state = :state")
public class Contact {
    public static final String OF_OWNER = "Contact.ofOwner";
    public static final String BY_OWNER_AND_PEER = "Contact.byOwnerAndPeer";
    public static final String BY_OWNER_ADDRESS_AND_PEER = "Contact.byOwnerAddressAndPeer";
    public static final String OF_OWNER_IN_STATE = "Contact.ofOwnerInState";
    public static final String ACCEPTED_BY_PEER = "Contact.acceptedByPeer";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contact_seq")
    @SequenceGenerator(name = "contact_seq", sequenceName = "contact_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private Account owner;

    @Column(name = "peer_address", nullable = false, length = 320)
    private String peerAddress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ContactState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Contact() {}

    public Contact(Account owner, String peerAddress, ContactState state) {
        this.owner = owner;
        this.peerAddress = peerAddress;
        this.state = state;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    public Account owner() {
        return owner;
    }

    public String peerAddress() {
        return peerAddress;
    }

    public ContactState state() {
        return state;
    }

    public void state(ContactState next) {
        this.state = next;
        this.updatedAt = Instant.now();
    }
}
