-- provider-directory-service's own schema starts here. The platform's tables (outbox_event, inbox_event, audit_log)
-- come from platform-runtime's db/platform migrations, applied first.
comment on table audit_log is 'Append-only audit of health-data access in provider-directory-service';
