package im.universal.web.admin;

import im.universal.admin.boundary.OperatorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;

/** Jakarta Security identity store of the console: operators from the database, all in group {@code operator}. */
@ApplicationScoped
public class OperatorIdentityStore implements IdentityStore {
    public static final String ROLE = "operator";

    @Inject
    OperatorService operators;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential login
                && operators.verify(login.getCaller(), login.getPasswordAsString())) {
            return new CredentialValidationResult(
                    login.getCaller().strip().toLowerCase(java.util.Locale.ROOT), Set.of(ROLE));
        }
        return CredentialValidationResult.INVALID_RESULT;
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        return Set.of(ROLE);
    }
}
