-- Saved selections (issue 21, point 2): a supervisor's named filter (DYNAMIC: re-evaluated each
-- time it is used) or named set of agents (FIXED). Private to its owner, or shared with one of the
-- owner's teams. The filter is a small JSON document (see SavedSelection's Javadoc for why); the
-- fixed agents are comma-separated ids, as scheduled_change keeps them.
create sequence saved_selection_seq start with 50 increment by 50;

create table saved_selection (
    id          bigint        not null primary key,
    owner       varchar(64)   not null,
    name        varchar(80)   not null,
    kind        varchar(8)    not null, -- DYNAMIC or FIXED
    shared_team varchar(64),            -- null: private to the owner
    filter_json varchar(4000),          -- DYNAMIC: the picker's filter
    agent_ids   varchar(400000),        -- FIXED: comma-separated agent ids
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint        not null,
    constraint uq_saved_selection_name unique (owner, name)
);
create index ix_saved_selection_team on saved_selection (shared_team);
