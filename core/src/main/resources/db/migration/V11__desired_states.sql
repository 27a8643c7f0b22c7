-- Desired states (issue 17): what the console intends each agent to have, as layers. Each change
-- that sets or clears a state adds one layer per agent; the newest layer is the agent's desired
-- state ("the later change wins while it lasts"); undo and revert remove a change's layer, and the
-- layer below resumes ("the earlier one resumes after").
create sequence desired_layer_seq start with 500 increment by 500;

create table desired_layer (
    id          bigint      not null primary key,
    agent_id    integer     not null,
    change_id   bigint      not null,
    code        integer,                 -- null: no custom state (cleared)
    set_by      varchar(64) not null,
    since       timestamp with time zone not null,
    until       timestamp with time zone,  -- a scheduled revert, or null
    constraint uq_desired_layer unique (agent_id, change_id),
    constraint fk_desired_layer_change foreign key (change_id) references bulk_change (id) on delete cascade
);
create index ix_desired_layer_agent on desired_layer (agent_id, id);
create index ix_desired_layer_change on desired_layer (change_id);

-- The actual state: when it was last read back from the gateway (not merely set), and whether it
-- differed from the desired one without a new session (changed outside StateDesk).
alter table directory_agent add column custom_state_verified_at timestamp with time zone;
alter table directory_agent add column drift_state integer;
alter table directory_agent add column drift_at timestamp with time zone;

-- Per outcome: how often the state was re-applied after a new session, and whether it drifted.
alter table bulk_outcome add column reapplied integer default 0 not null;
alter table bulk_outcome add column drifted boolean default false not null;
-- Reconciliation asks whether an agent has a change still running on it.
create index ix_bulk_outcome_agent on bulk_outcome (agent_id, status);
