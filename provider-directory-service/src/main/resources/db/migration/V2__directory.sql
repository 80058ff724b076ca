-- The directory: specialty taxonomy, physicians, clinics, board certifications and their verification,
-- and the boards' primary-source records imported from their data feeds.

create table specialty (
    code        varchar(80)  primary key,
    name        varchar(200) not null,
    parent_code varchar(80)  references specialty (code),
    board       varchar(200) not null
);
create index specialty_parent_idx on specialty (parent_code);

create table clinic (
    id          uuid primary key,
    name        varchar(200) not null,
    address     varchar(300),
    city        varchar(120) not null,
    state_code  varchar(2)     not null,
    latitude    double precision not null check (latitude between -90 and 90),
    longitude   double precision not null check (longitude between -180 and 180),
    version     bigint not null default 0,
    created_at  timestamptz not null
);
-- Bounding-box prefilter for "near a point": the exact great-circle distance is computed on the survivors.
create index clinic_lat_lon_idx on clinic (latitude, longitude);

create table physician (
    id                          uuid primary key,
    npi                         varchar(10)     not null unique,
    first_name                  varchar(100) not null,
    last_name                   varchar(100) not null,
    specialties                 text[]       not null default '{}',
    sub_specialties             text[]       not null default '{}',
    years_in_practice           integer check (years_in_practice between 0 and 80),
    medical_schools             text[]       not null default '{}',
    hospital_affiliations       text[]       not null default '{}',
    practice_name               varchar(200),
    practice_npi                varchar(10),
    networks                    text[]       not null default '{}',
    languages                   text[]       not null default '{}',
    licensed_states             text[]       not null default '{}',
    telehealth                  boolean      not null default false,
    telehealth_states           text[]       not null default '{}',
    accepting_second_opinions   boolean      not null default true,
    required_documents          text[]       not null default '{}',
    referral_letter_required    boolean      not null default false,
    version                     bigint       not null default 0,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null
);
create index physician_specialties_idx on physician using gin (specialties);
create index physician_sub_specialties_idx on physician using gin (sub_specialties);
create index physician_networks_idx on physician using gin (networks);
create index physician_languages_idx on physician using gin (languages);
create index physician_practice_npi_idx on physician (practice_npi);

create table physician_clinic (
    physician_id uuid not null references physician (id) on delete cascade,
    clinic_id    uuid not null references clinic (id),
    position     integer not null,
    primary key (physician_id, clinic_id)
);
create index physician_clinic_clinic_idx on physician_clinic (clinic_id);

-- A certification as the physician (or coordinator) claims it, with the latest verification against a primary source.
create table board_certification (
    id                    uuid primary key,
    physician_id          uuid         not null references physician (id) on delete cascade,
    board                 varchar(200) not null,
    specialty_code        varchar(80)  not null references specialty (code),
    sub_specialty_code    varchar(80)  references specialty (code),
    claimed_status        varchar(20)  not null,
    certified_since       date,
    valid_until           date,
    verification_outcome  varchar(20),
    verified_status       varchar(20),
    verified_valid_until  date,
    verification_source   varchar(200),
    verified_at           timestamptz,
    next_due_at           timestamptz
);
create index board_certification_physician_idx on board_certification (physician_id);
create index board_certification_due_idx on board_certification (next_due_at);

-- Records imported from a board's data feed: the primary source the directory verifies against.
create table board_feed_record (
    id                 uuid primary key,
    npi                varchar(10)    not null,
    board              varchar(200) not null,
    specialty_code     varchar(80)  not null,
    sub_specialty_code varchar(80)  not null default '',
    status             varchar(20)  not null,
    certified_since    date,
    valid_until        date,
    source             varchar(200) not null,
    imported_at        timestamptz  not null,
    unique (npi, board, specialty_code, sub_specialty_code)
);

-- Great-circle distance in kilometres (haversine, mean Earth radius 6371.0088 km). Plain SQL so it is
-- inlined by the planner; no extension needed.
create function great_circle_km(lat1 double precision, lon1 double precision, lat2 double precision, lon2 double precision)
returns double precision language sql immutable parallel safe as $$
    select 2 * 6371.0088 * asin(least(1.0, sqrt(
        power(sin(radians(lat2 - lat1) / 2), 2)
        + cos(radians(lat1)) * cos(radians(lat2)) * power(sin(radians(lon2 - lon1) / 2), 2))))
$$;
