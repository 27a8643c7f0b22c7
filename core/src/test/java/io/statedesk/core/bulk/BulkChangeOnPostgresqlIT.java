package io.statedesk.core.bulk;

import io.statedesk.core.testing.OnPostgresql;

/** Every test of {@link BulkChangeIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
class BulkChangeOnPostgresqlIT extends BulkChangeIT {}
