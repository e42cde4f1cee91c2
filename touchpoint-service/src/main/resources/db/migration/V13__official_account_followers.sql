-- The official account's message push (its Token and EncodingAESKey sealed at rest) and its followers: who follows,
-- since when, and when they last wrote, clicked a menu or scanned (WeChat lets the account answer with customer-service
-- messages for 48 hours after that); the member when member-service knows the follower (by openid or unionid).
CREATE TABLE tp_mp_push (
    tenant_id        BIGINT       NOT NULL PRIMARY KEY,
    token            VARCHAR(512) NOT NULL,
    encoding_aes_key VARCHAR(512) NOT NULL,
    updated_at       DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE tp_mp_follower (
    tenant_id           BIGINT      NOT NULL,
    open_id             VARCHAR(64) NOT NULL,
    member_id           BIGINT      NULL,
    subscribed          TINYINT(1)  NOT NULL,
    subscribed_at       DATETIME(3) NULL,
    unsubscribed_at     DATETIME(3) NULL,
    last_interaction_at DATETIME(3) NOT NULL,
    match_tried_at      DATETIME(3) NULL,
    updated_at          DATETIME(3) NOT NULL,
    PRIMARY KEY (tenant_id, open_id),
    KEY ix_mp_follower_member (tenant_id, member_id),
    KEY ix_mp_follower_unmatched (member_id, subscribed, match_tried_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
