-- Issue 16. Which console held which hosted agent's gateway session, and until when: after an
-- unclean stop the console takes back exactly these agents at once (never the Guid: Guids live
-- only in memory).
create table session_hold (
    agent_id   integer     not null primary key,
    console_id varchar(64) not null,
    held_until timestamp with time zone not null
);

create index ix_session_hold_console on session_hold (console_id);

-- Relay clients: which agents they may relay for (teams and agent ranges; while empty, until an
-- admin narrows it, a client may relay for any agent that is not hosted) and an optional expiry.
alter table relay_client add column scope_teams varchar(2000);
alter table relay_client add column scope_agents varchar(2000);
alter table relay_client add column expires_at timestamp with time zone;
