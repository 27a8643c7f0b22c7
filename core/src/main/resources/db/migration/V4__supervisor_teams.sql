-- Which teams (gateway groups, by name) each supervisor is responsible for.
create table supervisor_team (
    username varchar(64) not null,
    team     varchar(64) not null,
    constraint pk_supervisor_team primary key (username, team)
);
create index ix_supervisor_team_team on supervisor_team (team);
