-- The change page and the history ask "which change undid this one?" for every change they show
-- (ChangeLinks.undoneBy): an index on the origin keeps that one lookup per row.
create index ix_bulk_change_origin on bulk_change (origin_id, kind);
