-- The patient's case. What the patient entered is kept as one JSON document (details): a draft may be
-- incomplete in any way, and the service checks completeness at submission. What the service itself
-- decides or receives (status, coverage, candidates, selection, checklist, opinion, decision) has
-- its own columns.
create table patient_case (
    id                     uuid primary key,
    patient_id             varchar(200) not null,
    status                 varchar(40)  not null,
    version                bigint       not null,
    idempotency_key        varchar(200),
    details                text         not null,
    question_ids           text,
    excluded_npis          text         not null default '[]',
    previous_case_id       uuid references patient_case (id),
    follow_up_case_id      uuid references patient_case (id),
    created_at             timestamptz  not null,
    updated_at             timestamptz  not null,
    submitted_at           timestamptz,
    coverage               text,
    coverage_at            timestamptz,
    matches                text,
    matched_at             timestamptz,
    selected_npi           varchar(10),
    selected_name          varchar(300),
    selected_at            timestamptz,
    checklist              text         not null default '[]',
    review_due_at          timestamptz,
    report_id              varchar(100),
    report_version         integer,
    opinion_agreement      varchar(40),
    opinion_at             timestamptz,
    decision               varchar(40),
    decided_at             timestamptz,
    cancel_reason          varchar(500),
    constraint patient_case_idempotency unique (patient_id, idempotency_key)
);

create index patient_case_patient on patient_case (patient_id, created_at desc);
create index patient_case_selected on patient_case (selected_npi) where selected_npi is not null;

-- The timeline: each stage a case went through, when it was entered, when it is due, when it was done.
create table case_stage (
    id          bigint generated always as identity primary key,
    case_id     uuid        not null references patient_case (id),
    stage       varchar(40) not null,
    entered_at  timestamptz not null,
    due_at      timestamptz,
    done_at     timestamptz
);

create index case_stage_case on case_stage (case_id, id);
-- Coordinators' overdue list looks only at open stages with a due time.
create index case_stage_open_due on case_stage (due_at) where done_at is null and due_at is not null;

-- Documents' metadata. No file name is kept: patients' file names often carry health data.
create table case_document (
    id            uuid primary key,
    case_id       uuid         not null references patient_case (id),
    type          varchar(40)  not null,
    content_type  varchar(100) not null,
    size_bytes    bigint       not null,
    sha256        varchar(64)  not null,
    uploaded_by   varchar(200) not null,
    uploaded_at   timestamptz  not null
);

create index case_document_case on case_document (case_id, uploaded_at);

-- The PostgreSQL document store: content in chunks, so that neither upload nor download holds a
-- whole document in memory.
create table document_chunk (
    document_id  uuid    not null,
    seq          integer not null,
    data         bytea   not null,
    primary key (document_id, seq)
);
