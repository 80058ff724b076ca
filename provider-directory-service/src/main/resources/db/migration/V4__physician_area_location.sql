-- Where each physician practises, once per specialty and sub-specialty they claim: what a search near a point
-- with a specialty filter, and the clinic locator by specialty, read through one index range instead of
-- joining every physician near the point. Derived data: the service rewrites a physician's rows whenever the
-- physician is written (PhysicianRepository.refreshAreaLocations); clinics do not move.
create table physician_area_location (
    area_code    varchar(80)      not null,
    physician_id uuid             not null references physician (id) on delete cascade,
    clinic_id    uuid             not null references clinic (id),
    latitude     double precision not null,
    longitude    double precision not null,
    primary key (area_code, physician_id, clinic_id)
);
create index physician_area_location_geo_idx on physician_area_location (area_code, latitude, longitude)
    include (physician_id, clinic_id);
create index physician_area_location_physician_idx on physician_area_location (physician_id);

insert into physician_area_location (area_code, physician_id, clinic_id, latitude, longitude)
select distinct a.code, p.id, c.id, c.latitude, c.longitude
from physician p
join physician_clinic pc on pc.physician_id = p.id
join clinic c on c.id = pc.clinic_id
cross join lateral unnest(p.specialties || p.sub_specialties) as a(code);

-- Matching reads every certification in the case's specialty.
create index board_certification_specialty_idx on board_certification (specialty_code);
