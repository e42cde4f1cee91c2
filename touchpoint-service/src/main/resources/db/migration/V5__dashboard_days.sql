-- The dashboard's figures kept per day (the mall's day, in the quiet hours' zone when the send was made), channel and
-- preset, as each fact happens: a send made, sent, first clicked, a payment credited to it, a refund off it. A period
-- is then a sum over its days instead of a pass over every send. (Sends made before this migration were test data of
-- the same release and are not rolled up.) first_clicked_at makes the first click of a send count once.
CREATE TABLE tp_send_day (
    tenant_id      BIGINT      NOT NULL,
    day            DATE        NOT NULL,
    channel        VARCHAR(16) NOT NULL,
    preset         VARCHAR(24) NOT NULL,
    sends          BIGINT      NOT NULL DEFAULT 0,
    sent           BIGINT      NOT NULL DEFAULT 0,
    clicked        BIGINT      NOT NULL DEFAULT 0,
    converted      BIGINT      NOT NULL DEFAULT 0,
    attributed_fen BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, day, channel, preset)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

ALTER TABLE tp_send ADD COLUMN first_clicked_at DATETIME(3) NULL;

-- the rollup day of each send; members reached in a period are counted from this index alone
ALTER TABLE tp_send
    ADD COLUMN day DATE NULL,
    DROP KEY ix_send_dashboard,
    ADD KEY ix_send_reach (tenant_id, day, channel, preset, status, member_id);
