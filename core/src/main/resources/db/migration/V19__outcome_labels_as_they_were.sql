-- Labels as they were: a change already keeps its code's label and colour (bulk_change.code_label,
-- code_colour, since V7). An undo or a scheduled revert gives each agent its own earlier state, so
-- each outcome now keeps the label and colour of its target as they were when the change was made;
-- renaming a code later no longer rewrites what past changes show.
alter table bulk_outcome add column target_label varchar(40);
alter table bulk_outcome add column target_colour varchar(7);

-- what older rows can still tell: a set change's own snapshot
update bulk_outcome set
    target_label = (select c.code_label from bulk_change c
                     where c.id = bulk_outcome.change_id and c.code = bulk_outcome.target_state),
    target_colour = (select c.code_colour from bulk_change c
                      where c.id = bulk_outcome.change_id and c.code = bulk_outcome.target_state)
 where target_state is not null;
