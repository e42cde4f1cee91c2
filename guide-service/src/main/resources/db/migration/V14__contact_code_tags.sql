-- A contact code's tags (渠道活码 tags the member): member-service manual tag names, newline-separated, applied to the
-- shopper each time they add a guide through the code.
ALTER TABLE guide_wecom_contact_code ADD COLUMN tags VARCHAR(250) NULL AFTER welcome_text;
