-- The agents supervisors pick from: synchronised from the gateway's agentgroup queries or imported.
create table directory_agent (
    agent_id        integer      not null primary key,
    name            varchar(100) not null,
    team            varchar(64),
    skills          varchar(500),
    gateway_state   varchar(16)  not null,
    custom_state    integer,
    custom_state_at timestamp with time zone,
    phone           varchar(32),
    source          varchar(10)  not null,
    synced_at       timestamp with time zone not null,
    constraint ck_directory_agent_id check (agent_id between 101 and 999999)
);
create index ix_directory_agent_team on directory_agent (team, agent_id);
create index ix_directory_agent_state on directory_agent (gateway_state);
create index ix_directory_agent_custom on directory_agent (custom_state);
create index ix_directory_agent_name on directory_agent (name);
