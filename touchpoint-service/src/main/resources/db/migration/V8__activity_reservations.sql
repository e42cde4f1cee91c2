-- Activity reservations (活动预约): a mall activity with a capacity; a shopper's reservation is one row per member
-- (cancelled and made again as they like: "times" numbers each reservation, so each has its own reminder send).
CREATE TABLE tp_activity (
    id                     BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id              BIGINT       NOT NULL,
    name                   VARCHAR(64)  NOT NULL,
    store_id               BIGINT       NULL,
    place                  VARCHAR(64)  NOT NULL,
    starts_at              DATETIME(3)  NOT NULL,
    ends_at                DATETIME(3)  NOT NULL,
    capacity               INT          NOT NULL,
    reserved               INT          NOT NULL DEFAULT 0,
    remind_minutes_before  INT          NOT NULL,
    status                 VARCHAR(10)  NOT NULL,
    created_at             DATETIME(3)  NOT NULL,
    KEY ix_activity_upcoming (tenant_id, status, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_reservation (
    tenant_id    BIGINT      NOT NULL,
    activity_id  BIGINT      NOT NULL,
    member_id    BIGINT      NOT NULL,
    status       VARCHAR(10) NOT NULL,
    times        INT         NOT NULL,
    reserved_at  DATETIME(3) NOT NULL,
    cancelled_at DATETIME(3) NULL,
    PRIMARY KEY (tenant_id, activity_id, member_id),
    KEY ix_reservation_member (tenant_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
