-- Issue 19. Several consoles on one database.
--
-- cluster_member: one row per running console instance (console id plus a per-start suffix); its
-- heartbeat moves beat_until forward on a scheduler of its own, independent of any work. An
-- instance whose beat_until passed is dead: its shards, change leases and claimed outcomes are free.
create table cluster_member (
    instance_id varchar(100) not null primary key,
    console_id  varchar(64)  not null,
    started_at  timestamp with time zone not null,
    beat_until  timestamp with time zone not null
);

-- cluster_lease: named leases, "shard-N" (the hosted agents whose id mod the shard count is N) and
-- the cluster-wide singletons ("directory-sync", "schedule-runner"). Taken and renewed by one
-- conditional update each; exactly one instance holds a lease at a time.
create table cluster_lease (
    name       varchar(64)  not null primary key,
    owner      varchar(100),
    held_until timestamp with time zone,
    version    bigint       not null
);

-- Bulk outcomes: which instance claimed the agent's call (it holds the agent's session), and a
-- version moved by every state change, so that a result is written only by the claimant.
alter table bulk_outcome add column owner varchar(100);
alter table bulk_outcome add column version bigint default 0 not null;
create index ix_bulk_outcome_owner on bulk_outcome (change_id, owner);
