-- The review's state, stored so that the worklist can be filtered by it and paged in the database.
-- Review.state() derives it from the facts; the entity writes it on every insert and update. This
-- backfill applies the same rules once to the reviews already there.
alter table review add column state varchar(32);
update review set state = case
    when cancelled_at is not null then 'CANCELLED'
    when opinion_issued_at is not null then 'OPINION_ISSUED'
    when physician_npi is null then 'AWAITING_PHYSICIAN'
    when documents_requested_at is not null
        and (records_completed_at is null or documents_requested_at > records_completed_at) then 'AWAITING_DOCUMENTS'
    when records_completed_at is not null then 'READY_FOR_REVIEW'
    else 'AWAITING_RECORDS'
end;
alter table review alter column state set not null;

drop index review_physician_idx;
create index review_worklist_idx on review (physician_npi, state);
