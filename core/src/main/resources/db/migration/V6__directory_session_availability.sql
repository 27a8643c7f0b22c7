-- The agent's session availability (HOSTED, RELAYED, STALE; null = no session), mirrored from the
-- in-memory session store so that the picker can filter and page by it in SQL.
alter table directory_agent add column session_availability varchar(10);
create index ix_directory_agent_session on directory_agent (session_availability);
