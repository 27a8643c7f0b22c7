package io.statedesk.core.trail;

import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;

/** Every test of {@link AuditTrailIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
@SharedServer
class AuditTrailOnPostgresqlIT extends AuditTrailIT {}
