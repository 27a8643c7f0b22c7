-- Issue 19, point 3: the breaker state visible to every console. Each console writes its gateway
-- circuit breaker's state (CLOSED, OPEN, HALF_OPEN) with its membership heartbeat, so any console's
-- system status shows every member's breaker next to the shards it holds (cluster_lease).
alter table cluster_member add column breaker varchar(16);
