-- Attribution: every send carries a random tracking token on the page it opens; the mini-program reports the open
-- (a click, by the member who opened it); a payment within the tenant's attribution window after a click of the same
-- member is credited to the last clicked send (the first kept too), once per payment; a refund takes its amount off,
-- once per refund.
ALTER TABLE tp_send
    ADD COLUMN tracking_token CHAR(22) NULL,
    ADD UNIQUE KEY uk_send_token (tracking_token),
    ADD KEY ix_send_created (tenant_id, created_at);

ALTER TABLE tp_contact_policy ADD COLUMN attribution_hours INT NOT NULL DEFAULT 72;

CREATE TABLE tp_click (
    id         BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    tenant_id  BIGINT      NOT NULL,
    send_id    BIGINT      NOT NULL,
    member_id  BIGINT      NOT NULL,
    clicked_at DATETIME(3) NOT NULL,
    KEY ix_click_member (tenant_id, member_id, clicked_at),
    KEY ix_click_send (tenant_id, send_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_conversion (
    tenant_id     BIGINT      NOT NULL,
    payment_no    VARCHAR(64) NOT NULL,
    member_id     BIGINT      NOT NULL,
    first_send_id BIGINT      NOT NULL,
    last_send_id  BIGINT      NOT NULL,
    gross_fen     BIGINT      NOT NULL,
    refunded_fen  BIGINT      NOT NULL DEFAULT 0,
    paid_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, payment_no),
    KEY ix_conversion_send (tenant_id, last_send_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_conversion_refund (
    tenant_id  BIGINT      NOT NULL,
    refund_no  VARCHAR(64) NOT NULL,
    payment_no VARCHAR(64) NOT NULL,
    gross_fen  BIGINT      NOT NULL,
    at         DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, refund_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
