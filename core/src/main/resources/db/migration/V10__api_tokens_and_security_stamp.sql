-- Personal API tokens (issue 18): a user's named, scoped, expiring credential for scripts, sent as
-- Authorization: Bearer. The token is 32 random bytes shown once; only its SHA-256 is stored.
create sequence api_token_seq start with 50 increment by 50;

create table api_token (
    id           bigint       not null primary key,
    username     varchar(64)  not null,
    name         varchar(64)  not null,
    token_hash   varchar(64)  not null,
    scope        varchar(10)  not null,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null,
    revoked_at   timestamp with time zone,
    revoked_by   varchar(64),
    last_used_at timestamp with time zone,
    version      bigint       not null,
    constraint uq_api_token_hash unique (token_hash),
    constraint uq_api_token_user_name unique (username, name)
);
create index ix_api_token_username on api_token (username);

-- Bumped whenever a user's roles, enabled flag or password change: open sessions and cached
-- credentials carry the stamp they were made with and end at the next request when it differs.
alter table user_account add column security_stamp bigint default 0 not null;

-- An API change's idempotency key is bound to the request body it was first used with: the body's
-- SHA-256 is kept here, and the same key with another body is refused (409).
create table api_idempotency (
    created_by  varchar(64)  not null,
    idem_key    varchar(100) not null,
    body_hash   varchar(64)  not null,
    created_at  timestamp with time zone not null,
    constraint pk_api_idempotency primary key (created_by, idem_key)
);
