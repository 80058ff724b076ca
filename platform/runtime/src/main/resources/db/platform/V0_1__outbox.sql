-- Transactional outbox: events are written here in the transaction that made them true, and the
-- relay publishes them to Kafka in position order, marking them sent only after the broker acknowledged.
create table outbox_event (
    position    bigint generated always as identity primary key,
    event_id    uuid         not null unique,
    topic       varchar(200) not null,
    message_key varchar(200) not null,
    event_type  varchar(200) not null,
    payload     text         not null,
    created_at  timestamptz  not null,
    sent_at     timestamptz,
    attempts    integer      not null default 0,
    last_error  varchar(500)
);

-- The relay only ever looks for unsent rows; cleanup only for old sent ones.
create index outbox_event_unsent on outbox_event (position) where sent_at is null;
create index outbox_event_sent_at on outbox_event (sent_at) where sent_at is not null;
