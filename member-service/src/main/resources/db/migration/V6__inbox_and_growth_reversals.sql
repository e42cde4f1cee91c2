-- Events consumed from siyu.events (common's inbox): one row per message id, written in the same local
-- transaction as the event's effect (payment-service's PaymentRefunded takes back the growth and spend the
-- refunded purchase added), so a redelivered message changes nothing.
CREATE TABLE inbox_message (
    message_id  VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant_id   BIGINT       NOT NULL,
    event_key   VARCHAR(100) NOT NULL,
    received_at DATETIME(3)  NOT NULL,
    KEY ix_inbox_received (received_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
