-- Where a console user's password and roles live: DATABASE (this table, set by admins) or LDAP
-- (checked against the LDAP directory at every sign-in; the row only carries the user's teams and
-- enabled flag, and its password_hash is a marker that never matches).
alter table user_account add column account_source varchar(10) default 'DATABASE' not null;
