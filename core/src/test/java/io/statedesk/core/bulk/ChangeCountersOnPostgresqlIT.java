package io.statedesk.core.bulk;

import io.statedesk.core.testing.OnPostgresql;

/** Every test of {@link ChangeCountersIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
class ChangeCountersOnPostgresqlIT extends ChangeCountersIT {}
