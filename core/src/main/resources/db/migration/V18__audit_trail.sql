-- The audit page over millions of rows: the agent and the change an event is about get columns of
-- their own (taken from the subject, "agent 10042" / "change 17"), so that "everything about agent
-- 10042", "everything about change 17" and a supervisor's team scope are index lookups; every
-- filter has an index that ends in (at, id), the order of the page and of its keyset paging.
alter table audit_event add column agent_id integer;
alter table audit_event add column change_id bigint;

update audit_event set agent_id = cast(substring(subject from 7) as integer)
 where subject like 'agent %' and length(subject) between 7 and 12
   and replace(translate(substring(subject from 7), '0123456789', '0000000000'), '0', '') = '';
update audit_event set change_id = cast(substring(subject from 8) as bigint)
 where subject like 'change %' and length(subject) between 8 and 25
   and replace(translate(substring(subject from 8), '0123456789', '0000000000'), '0', '') = '';

drop index ix_audit_event_at;
create index ix_audit_event_at_id on audit_event (at, id);
create index ix_audit_event_actor on audit_event (actor, at, id);
create index ix_audit_event_action on audit_event (action, at, id);
create index ix_audit_event_agent on audit_event (agent_id, at, id);
create index ix_audit_event_change on audit_event (change_id, at, id);

-- An agent's history and the agent filter read bulk_outcome by agent: ix_bulk_outcome_agent
-- (agent_id, status) of V11 serves them.
