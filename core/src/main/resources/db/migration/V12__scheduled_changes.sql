-- Scheduled changes (issue 17): a change that starts at a time and optionally reverts at a time.
-- Times are UTC; the claim columns make exactly one console start or revert a schedule.
create sequence scheduled_change_seq start with 50 increment by 50;

create table scheduled_change (
    id               bigint       not null primary key,
    created_at       timestamp with time zone not null,
    created_by       varchar(64)  not null,
    agent_ids        varchar(400000) not null, -- comma-separated agent ids, fixed when scheduled
    code             integer,                 -- null: clear
    note             varchar(500),
    idempotency_key  varchar(100),
    start_at         timestamp with time zone not null,
    revert_at        timestamp with time zone,
    status           varchar(12)  not null,   -- SCHEDULED, STARTED, REVERTING, DONE, CANCELLED, FAILED
    status_detail    varchar(300),
    change_id        bigint,
    revert_change_id bigint,
    claim_owner      varchar(100),
    claim_until      timestamp with time zone,
    version          bigint       not null,
    constraint uq_scheduled_idempotency unique (created_by, idempotency_key)
);
create index ix_scheduled_due on scheduled_change (status, start_at);
