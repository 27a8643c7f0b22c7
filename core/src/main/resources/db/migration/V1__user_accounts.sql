-- Console users and their roles. Passwords are PBKDF2 hashes (Jakarta Security's
-- Pbkdf2PasswordHash format); no clear-text secret is ever stored.
-- Sequences start at their increment: EclipseLink reads the value as the top of a block of 50.
create sequence user_account_seq start with 50 increment by 50;

create table user_account (
    id            bigint       not null primary key,
    username      varchar(64)  not null,
    display_name  varchar(100) not null,
    password_hash varchar(512) not null,
    enabled       boolean      not null,
    created_at    timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    version       bigint       not null,
    constraint uq_user_account_username unique (username)
);

create table user_account_role (
    user_id bigint      not null,
    role    varchar(20) not null,
    constraint pk_user_account_role primary key (user_id, role),
    constraint fk_user_account_role_user foreign key (user_id) references user_account (id) on delete cascade
);
