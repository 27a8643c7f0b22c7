-- Issue 20: a change's counts are kept as its outcomes move, in one row per change, so that the
-- change page's refresh reads one row whether the change has 10 agents or 50,000 (it ran a
-- group-by and four counts over all of the change's outcomes). Every statement that moves an
-- outcome's status, verified, drifted or reapplied also adds to this row, in the same transaction
-- and by relative updates (n = n + d), so that consoles writing one change at once cannot lose a
-- count (BulkStore, ChangeCounters). The columns are those of the Counts record:
--   held      = succeeded and not drifted
--   reapplied = outcomes re-applied at least once
--   verified  = outcomes read back (any status)
create table bulk_change_count (
    change_id  bigint not null primary key,
    pending    bigint not null,
    in_flight  bigint not null,
    succeeded  bigint not null,
    verified   bigint not null,
    failed     bigint not null,
    no_session bigint not null,
    skipped    bigint not null,
    cancelled  bigint not null,
    held       bigint not null,
    reapplied  bigint not null,
    drifted    bigint not null,
    constraint fk_bulk_change_count_change foreign key (change_id) references bulk_change (id) on delete cascade
);

-- the changes made before: counted once from their outcomes (a change without outcomes counts 0)
insert into bulk_change_count
    (change_id, pending, in_flight, succeeded, verified, failed, no_session, skipped, cancelled,
     held, reapplied, drifted)
select c.id,
       coalesce(sum(case when o.status = 'PENDING' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'IN_FLIGHT' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'SUCCEEDED' then 1 else 0 end), 0),
       coalesce(sum(case when o.verified then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'FAILED' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'NO_SESSION' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'SKIPPED' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'CANCELLED' then 1 else 0 end), 0),
       coalesce(sum(case when o.status = 'SUCCEEDED' and not o.drifted then 1 else 0 end), 0),
       coalesce(sum(case when o.reapplied > 0 then 1 else 0 end), 0),
       coalesce(sum(case when o.drifted then 1 else 0 end), 0)
  from bulk_change c left join bulk_outcome o on o.change_id = c.id
 group by c.id;
