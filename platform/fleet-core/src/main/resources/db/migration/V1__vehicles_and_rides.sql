-- Vehicles and the rides they serve. Statuses are text with CHECKs rather than
-- PostgreSQL enums so that adding a status is a plain migration.
CREATE TABLE vehicles (
    id         uuid PRIMARY KEY,
    plate      text             NOT NULL,
    lat        double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
    lon        double precision NOT NULL CHECK (lon BETWEEN -180 AND 180),
    status     text             NOT NULL CHECK (status IN ('AVAILABLE', 'ASSIGNED')),
    created_at timestamptz      NOT NULL DEFAULT now()
);

-- Assignment scans only available vehicles, by latitude band.
CREATE INDEX vehicles_available_by_lat ON vehicles (lat) WHERE status = 'AVAILABLE';

CREATE TABLE rides (
    id          uuid PRIMARY KEY,
    rider_id    text             NOT NULL,
    status      text             NOT NULL CHECK (status IN ('ASSIGNED', 'CANCELLED')),
    vehicle_id  uuid             NOT NULL REFERENCES vehicles (id),
    eta_seconds integer          NOT NULL CHECK (eta_seconds >= 0),
    pickup_lat  double precision NOT NULL,
    pickup_lon  double precision NOT NULL,
    dropoff_lat double precision NOT NULL,
    dropoff_lon double precision NOT NULL,
    created_at  timestamptz      NOT NULL DEFAULT now(),
    updated_at  timestamptz      NOT NULL DEFAULT now()
);

CREATE INDEX rides_by_vehicle ON rides (vehicle_id);
