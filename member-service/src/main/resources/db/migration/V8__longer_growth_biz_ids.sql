-- A counter POS sale's growth is keyed pos:<counter>:<receipt number up to 64>, and a refund's reversal
-- <purchase>/<refund key>: both outgrow 64 characters with a long receipt or refund number.
ALTER TABLE growth_journal MODIFY biz_id VARCHAR(200) NOT NULL;
