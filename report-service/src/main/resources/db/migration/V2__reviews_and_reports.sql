-- The reviewer's view of a case, kept from case-service's events. Every column that an event may
-- not have delivered yet is nullable: events of one case can arrive in any order.
create table review (
    case_id                 varchar(64) primary key,
    patient_id              varchar(255),
    physician_npi           varchar(10),
    physician_name          varchar(255),
    specialty_code          varchar(64),
    sub_specialty_code      varchar(64),
    condition_description   text,
    reasons_json            text not null default '[]',
    primary_provider_name   varchar(255),
    primary_provider_npi    varchar(10),
    primary_provider_specialty varchar(64),
    primary_practice_name   varchar(255),
    primary_diagnosis       text,
    recommended_treatment   text,
    surgery_recommended     boolean not null default false,
    questions_json          text not null default '[]',
    documents_json          text not null default '[]',
    documents_as_of         timestamptz,
    requested_types_json    text not null default '[]',
    submitted_at            timestamptz,
    selected_at             timestamptz,
    planned_due_at          timestamptz,
    records_due_at          timestamptz,
    records_completed_at    timestamptz,
    documents_requested_at  timestamptz,
    cancelled_at            timestamptz,
    cancelled_stage         varchar(64),
    opinion_issued_at       timestamptz,
    updated_at              timestamptz not null,
    version                 bigint not null default 0
);
create index review_physician_idx on review (physician_npi);

-- One report per case. The draft is the physician's work in progress; issued versions are frozen in
-- report_version.
create table report (
    id                      uuid primary key,
    case_id                 varchar(64) not null unique references review (case_id),
    patient_id              varchar(255) not null,
    physician_npi           varchar(10) not null,
    physician_name          varchar(255) not null,
    status                  varchar(16) not null,
    draft_json              text not null,
    current_version         integer not null default 0,
    created_at              timestamptz not null,
    updated_at              timestamptz not null,
    first_issued_at         timestamptz,
    version                 bigint not null default 0
);

-- Issued versions: written once, never changed (the trigger refuses updates and deletes).
create table report_version (
    report_id               uuid not null references report (id),
    version_number          integer not null,
    kind                    varchar(16) not null,
    reason                  text,
    agreement               varchar(32) not null,
    content_json            text not null,
    content_hash            varchar(64) not null,
    issued_at               timestamptz not null,
    primary key (report_id, version_number)
);

create function report_version_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'issued report versions are immutable';
end $$;
create trigger report_version_no_change before update or delete on report_version
    for each row execute function report_version_immutable();

-- Letters to the primary provider, one per issued version that differs from the primary opinion.
create table provider_letter (
    id                      uuid primary key,
    report_id               uuid not null references report (id),
    report_version          integer not null,
    case_id                 varchar(64) not null,
    provider_name           varchar(255) not null,
    provider_npi            varchar(10) not null,
    pdf                     bytea not null,
    content_hash            varchar(64) not null,
    issued_at               timestamptz not null
);
create index provider_letter_report_idx on provider_letter (report_id);

-- The patient's follow-up questions after issue; answered in an addendum version.
create table follow_up_question (
    id                      uuid primary key,
    report_id               uuid not null references report (id),
    text                    text not null,
    asked_at                timestamptz not null,
    answer                  text,
    answered_at             timestamptz,
    answered_in_version     integer
);
create index follow_up_question_report_idx on follow_up_question (report_id);
