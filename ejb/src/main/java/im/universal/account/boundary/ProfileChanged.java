package im.universal.account.boundary;

/**
 * Fired inside the transaction of a profile change; federation tells the other ISPs ({@code directory.updated}
 * while listed, {@code directory.removed} when the user becomes unlisted).
 */
public record ProfileChanged(String address, String displayName, boolean wasListed, boolean listed) {

    /** Whether other ISPs have anything to learn: a listed user's new name, or a change of listing. */
    public boolean concernsDirectory() {
        return wasListed || listed;
    }
}
