-- Payers, plans with their second-opinion benefit, members, the self-pay price list, and the
-- eligibility determinations with their inputs, the rule that decided and the insurer's answer.

create table payer (
    id                     varchar(40)  primary key,
    name                   varchar(200) not null,
    -- true: the insurer answers EligibilityInquiry events; false: the plan rules kept here decide
    answers_through_events boolean      not null,
    -- how long to wait for an insurer's answer before the outcome becomes UNKNOWN (null: the service default)
    inquiry_timeout_seconds integer,
    version                bigint       not null
);

create table plan (
    id                    varchar(60)  primary key,
    payer_id              varchar(40)  not null references payer (id),
    name                  varchar(200) not null,
    benefit               varchar(30)  not null,
    covered_specialties   varchar(2000) not null,
    copay_amount          numeric(12, 2),
    coinsurance_percent   numeric(5, 2),
    currency              varchar(3)      not null,
    prior_authorization   boolean      not null,
    networks              varchar(2000) not null,
    in_network_only       boolean      not null,
    yearly_limit          integer,
    version               bigint       not null,
    constraint plan_benefit check (benefit in ('ALWAYS', 'SURGERY_RECOMMENDED', 'LISTED_SPECIALTIES', 'NOT_COVERED')),
    constraint plan_coinsurance check (coinsurance_percent is null or coinsurance_percent between 0 and 100)
);
create index plan_payer on plan (payer_id);

create table member (
    id              uuid         primary key,
    payer_id        varchar(40)  not null references payer (id),
    member_id       varchar(80)  not null,
    plan_id         varchar(60)  not null references plan (id),
    first_name      varchar(100) not null,
    last_name       varchar(100) not null,
    date_of_birth   date         not null,
    coverage_start  date         not null,
    coverage_end    date,
    version         bigint       not null,
    constraint member_unique unique (payer_id, member_id)
);

create table self_pay_price (
    specialty_code  varchar(60)   primary key,
    amount          numeric(12, 2) not null,
    currency        varchar(3)       not null,
    version         bigint        not null
);

create table determination (
    id                    uuid          primary key,
    -- CHECK (a patient's check before a case) or CASE (from CaseSubmitted)
    origin                varchar(10)   not null,
    case_id               varchar(60),
    patient_id            varchar(200),
    requested_by          varchar(200)  not null,
    payer_id              varchar(40),
    member_id             varchar(80),
    first_name            varchar(100),
    last_name             varchar(100),
    date_of_birth         date,
    specialty_code        varchar(60)   not null,
    surgery_recommended   boolean       not null,
    date_of_service       date          not null,
    member_ref            uuid,
    outcome               varchar(30)   not null,
    final_determination   boolean       not null,
    plan_id               varchar(60),
    plan_name             varchar(200),
    networks              varchar(2000) not null,
    in_network_only       boolean       not null,
    copay_amount          numeric(12, 2),
    coinsurance_percent   numeric(5, 2),
    currency              varchar(3),
    prior_authorization   boolean       not null,
    self_pay_amount       numeric(12, 2),
    self_pay_currency     varchar(3),
    reasons               varchar(4000) not null,
    rule                  varchar(60)   not null,
    trace_number          varchar(50)   unique,
    inquiry_deadline      timestamptz,
    answered_at           timestamptz,
    timed_out_at          timestamptz,
    determined_at         timestamptz   not null,
    version               bigint        not null
);
create index determination_case on determination (case_id);
create index determination_patient on determination (patient_id);
create index determination_pending on determination (inquiry_deadline) where outcome = 'PENDING_INSURER';

-- A covered second opinion counts once per case against the member's yearly limit; a cancelled case gives it back.
create table benefit_usage (
    case_id      varchar(60) primary key,
    member_ref   uuid        not null references member (id),
    usage_year   integer     not null,
    counted_at   timestamptz not null,
    released_at  timestamptz
);
create index benefit_usage_member on benefit_usage (member_ref, usage_year) where released_at is null;
