-- Fails the statement that creates a case, and so its transaction, unless it inserted the case: a retried
-- create whose Idempotency-Key the patient already used inserts nothing (on conflict do nothing) and ends
-- here. PostgreSQL's own unique-key error would do the same, but its detail quotes the key's values (the
-- patient's subject and the key), and PostgreSQL writes every error to its log; this one names no value.
-- It carries the constraint's name, so the service tells it from any other failure.
create function case_created(inserted bigint) returns bigint
language plpgsql as $$
begin
    if inserted <> 1 then
        raise exception 'The patient already has a case with this Idempotency-Key'
            using errcode = 'unique_violation', constraint = 'patient_case_idempotency';
    end if;
    return inserted;
end
$$;
