package io.statedesk.core.catalog;

import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;

/** Every test of {@link StateCatalogIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
@SharedServer
class StateCatalogOnPostgresqlIT extends StateCatalogIT {}
