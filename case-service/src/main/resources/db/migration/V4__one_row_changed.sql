-- Fails the statement that calls it, and so its transaction, unless the statement changed exactly one row.
-- A case's change is written with the commit in one round trip (Sql.commitWith): the check that the row
-- still had the version it was read with must stop that commit, so it is made in the statement itself.
-- The message names the kind of row only, never its data.
create function one_row_changed(changed bigint, what text) returns bigint
language plpgsql as $$
begin
    if changed <> 1 then
        raise exception '% changed since it was read (% rows matched)', what, changed
            using errcode = 'P0001';
    end if;
    return changed;
end
$$;
