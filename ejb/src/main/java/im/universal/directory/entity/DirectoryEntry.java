package im.universal.directory.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A listed user, of this ISP or of another one, as the directory knows it. */
@Entity
@Table(name = "directory_entry")
@NamedQuery(name = DirectoryEntry.BY_ADDRESS, query = "select d from DirectoryEntry d where d.address = :address")
public class DirectoryEntry {
    public static final String BY_ADDRESS = "DirectoryEntry.byAddress";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "directory_entry_seq")
    @SequenceGenerator(name = "directory_entry_seq", sequenceName = "directory_entry_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 320)
    private String address;

    @Column(name = "local_part", nullable = false, length = 64)
    private String localPart;

    @Column(nullable = false, length = 253)
    private String domain;

    @Column(name = "display_name", nullable = false, length = 100)
    private String displayName;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected DirectoryEntry() {}

    public DirectoryEntry(String localPart, String domain, String displayName) {
        this.localPart = localPart;
        this.domain = domain;
        this.address = localPart + "@" + domain;
        this.displayName = displayName;
        this.updatedAt = Instant.now();
    }

    public String address() {
        return address;
    }

    public String domain() {
        return domain;
    }

    public String displayName() {
        return displayName;
    }

    public void displayName(String name) {
        this.displayName = name;
        this.updatedAt = Instant.now();
    }
}
