package io.statedesk.core.directory;

import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;

/** Every test of {@link AgentDirectoryIT}, on PostgreSQL instead of H2 ({@link OnPostgresql}). */
@OnPostgresql
@SharedServer
class AgentDirectoryOnPostgresqlIT extends AgentDirectoryIT {}
