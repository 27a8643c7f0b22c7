-- A supervisor's free-text search ("part of a name") counts the agents of her teams whose name
-- matches: with the name beside the team in one index, that count reads the index alone instead
-- of every row of her teams (docs/src/benchmarks.md, the agent picker).
create index ix_directory_agent_team_name on directory_agent (team, name);
