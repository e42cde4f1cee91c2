-- The private domain's GMV per store: a credited payment's gross per store (its shop orders'), on the mall day it was
-- paid, less what refunds of that store took off; the dashboard sets it beside each store's GMV.
CREATE TABLE tp_conversion_store (
    tenant_id    BIGINT      NOT NULL,
    payment_no   VARCHAR(64) NOT NULL,
    store_id     BIGINT      NOT NULL,
    day          DATE        NOT NULL,
    gross_fen    BIGINT      NOT NULL,
    refunded_fen BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, payment_no, store_id),
    KEY ix_conversion_store_day (tenant_id, day, store_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
