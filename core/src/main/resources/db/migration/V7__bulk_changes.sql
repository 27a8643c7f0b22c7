-- Bulk changes: one row per change, one outcome row per agent, written before the first gateway call.
create sequence bulk_change_seq start with 50 increment by 50;

create table bulk_change (
    id              bigint       not null primary key,
    created_at      timestamp with time zone not null,
    created_by      varchar(64)  not null,
    kind            varchar(10)  not null,   -- NEW, RETRY, UNDO
    origin_id       bigint,                  -- the change a RETRY or UNDO was made from
    action          varchar(10)  not null,   -- SET, CLEAR, RESTORE (undo: per-agent targets)
    code            integer,                 -- the code set (SET only)
    code_label      varchar(40),             -- the label as it was when the change was made
    code_colour     varchar(7),
    note            varchar(500),
    idempotency_key varchar(100),
    verify          boolean      not null,
    status          varchar(12)  not null,   -- QUEUED, RUNNING, PAUSED, COMPLETED, CANCELLED, INTERRUPTED
    status_detail   varchar(300),
    cancel_requested boolean     not null,
    total           integer      not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    lease_owner     varchar(100),
    lease_until     timestamp with time zone,
    version         bigint       not null,
    constraint uq_bulk_change_idempotency unique (created_by, idempotency_key),
    constraint fk_bulk_change_origin foreign key (origin_id) references bulk_change (id)
);
create index ix_bulk_change_created on bulk_change (created_at);
create index ix_bulk_change_status on bulk_change (status);

create sequence bulk_outcome_seq start with 500 increment by 500;

create table bulk_outcome (
    id             bigint       not null primary key,
    change_id      bigint       not null,
    agent_id       integer      not null,
    agent_name     varchar(100),
    team           varchar(64),
    target_state   integer,                 -- null: clear the custom state
    previous_state integer,                 -- the custom state before, as the directory knew it
    previous_known boolean      not null,
    status         varchar(12)  not null,   -- PENDING, IN_FLIGHT, SUCCEEDED, FAILED, NO_SESSION, SKIPPED, CANCELLED
    verified       boolean      not null,
    retcode        varchar(16),
    reason         varchar(300),
    attempts       integer      not null,
    duration_ms    bigint,
    finished_at    timestamp with time zone,
    constraint uq_bulk_outcome_agent unique (change_id, agent_id),
    constraint fk_bulk_outcome_change foreign key (change_id) references bulk_change (id) on delete cascade
);
create index ix_bulk_outcome_status on bulk_outcome (change_id, status, id);
create index ix_bulk_outcome_team on bulk_outcome (change_id, team);
