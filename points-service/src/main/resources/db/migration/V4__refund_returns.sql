-- Refunds give spent points back: how many of a confirmed reservation have been returned so far.
-- Changed only by a conditional update (returned_points = <what the refund read>), never past points.
ALTER TABLE points_reservation
    ADD COLUMN returned_points BIGINT NOT NULL DEFAULT 0 AFTER points,
    ADD CONSTRAINT ck_points_reservation_returned CHECK (returned_points >= 0 AND returned_points <= points);
