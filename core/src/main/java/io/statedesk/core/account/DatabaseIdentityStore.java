package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.stream.Collectors;

/**
 * The identity store Jakarta Security asks at sign-in: the {@code user_account} table.
 *
 * <p>A CDI {@link IdentityStore} rather than the built-in database store annotation because ours
 * hashes with 600,000 PBKDF2 iterations and keeps roles as an enum collection, and because it
 * deploys unchanged on Payara and WildFly.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

  @Inject UserAccounts accounts;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    return accounts
        .authenticate(login.getCaller(), login.getPassword().getValue())
        .map(
            account ->
                new CredentialValidationResult(
                    account.getUsername(),
                    account.getRoles().stream().map(Role::name).collect(Collectors.toSet())))
        .orElse(CredentialValidationResult.INVALID_RESULT);
  }
}
