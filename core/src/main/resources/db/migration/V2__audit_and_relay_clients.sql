-- Append-only audit trail: who did what, when (UTC), to what. Never a Guid, password or token.
create sequence audit_event_seq start with 50 increment by 50;

create table audit_event (
    id         bigint        not null primary key,
    at         timestamp with time zone not null,
    actor      varchar(100)  not null,
    action     varchar(60)   not null,
    subject    varchar(200)  not null,
    detail     varchar(2000),
    source_ip  varchar(64)
);
create index ix_audit_event_at on audit_event (at);
create index ix_audit_event_subject on audit_event (subject);

-- Machine clients of the session relay (agent desktops, CTI middleware). The token is shown once
-- at creation; only its SHA-256 is stored.
create sequence relay_client_seq start with 50 increment by 50;

create table relay_client (
    id           bigint       not null primary key,
    name         varchar(64)  not null,
    token_hash   varchar(64)  not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(64)  not null,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    version      bigint       not null,
    constraint uq_relay_client_name unique (name),
    constraint uq_relay_client_token unique (token_hash)
);
