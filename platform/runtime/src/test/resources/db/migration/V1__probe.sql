create table probe_note (
    id      uuid primary key,
    owner   varchar(200) not null,
    text    varchar(500) not null,
    version bigint       not null
);

create table probe_applied (
    subject       varchar(200) primary key,
    applied_count integer      not null
);
