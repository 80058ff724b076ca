-- Idempotent consumers: the ids of the events each consumer has applied, recorded in the same
-- transaction as the effect, so that a redelivered event changes nothing.
create table inbox_event (
    consumer    varchar(200) not null,
    event_id    uuid         not null,
    event_type  varchar(200) not null,
    received_at timestamptz  not null,
    primary key (consumer, event_id)
);

create index inbox_event_received_at on inbox_event (received_at);
