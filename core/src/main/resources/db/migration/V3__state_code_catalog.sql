-- The state-code catalog: what each custom state number means.
create sequence state_code_seq start with 50 increment by 50;

create table state_code (
    id          bigint       not null primary key,
    code        integer      not null,
    label       varchar(40)  not null,
    description varchar(500),
    colour      varchar(7)   not null,
    category    varchar(60),
    sort_order  integer      not null,
    active      boolean      not null,
    all_teams   boolean      not null,
    used_at     timestamp with time zone,
    created_at  timestamp with time zone not null,
    created_by  varchar(64)  not null,
    updated_at  timestamp with time zone not null,
    updated_by  varchar(64)  not null,
    version     bigint       not null,
    constraint uq_state_code_code unique (code),
    constraint ck_state_code_range check (code between 0 and 65534)
);
create index ix_state_code_active on state_code (active, sort_order);

-- Labels per locale (en, zh-CN); the default label is the fallback.
create table state_code_label (
    state_code_id bigint      not null,
    locale        varchar(10) not null,
    label         varchar(40) not null,
    constraint pk_state_code_label primary key (state_code_id, locale),
    constraint fk_state_code_label foreign key (state_code_id) references state_code (id) on delete cascade
);

-- Teams a code is offered to when it is not offered to all teams.
create table state_code_team (
    state_code_id bigint      not null,
    team          varchar(64) not null,
    constraint pk_state_code_team primary key (state_code_id, team),
    constraint fk_state_code_team foreign key (state_code_id) references state_code (id) on delete cascade
);

-- Ranges no code may be created in (e.g. a site that mirrors busy reasons 200..250).
create sequence reserved_range_seq start with 50 increment by 50;

create table reserved_range (
    id         bigint       not null primary key,
    first_code integer      not null,
    last_code  integer      not null,
    reason     varchar(200) not null,
    created_at timestamp with time zone not null,
    created_by varchar(64)  not null,
    constraint ck_reserved_range check (first_code between 0 and 65535 and last_code between first_code and 65535)
);
