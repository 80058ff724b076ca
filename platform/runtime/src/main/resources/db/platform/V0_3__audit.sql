-- Append-only audit of every read and write of health data: who, in which role, did what to which
-- resource of whose data, when, with what outcome, in which request.
create table audit_log (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz  not null,
    actor         varchar(200) not null,
    actor_role    varchar(50)  not null,
    action        varchar(50)  not null,
    resource_type varchar(100) not null,
    resource_id   varchar(200) not null,
    patient_id    varchar(200),
    outcome       varchar(50)  not null,
    request_id    varchar(100)
);

create index audit_log_patient on audit_log (patient_id, occurred_at desc);
create index audit_log_resource on audit_log (resource_type, resource_id, occurred_at desc);

-- Append-only means the database refuses changes too, not just the code.
create function audit_log_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_log is append-only';
end;
$$;

create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_is_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_is_append_only();
