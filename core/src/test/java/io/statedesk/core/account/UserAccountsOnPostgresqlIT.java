package io.statedesk.core.account;

import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;

/** Every test of {@link UserAccountsIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
@SharedServer
class UserAccountsOnPostgresqlIT extends UserAccountsIT {}
