-- Contacts whose shopper (or guide) was unknown at the add are tried again later (the shopper opens the mini-program
-- afterwards, the guide is enrolled afterwards): when that was last tried.
ALTER TABLE guide_wecom_contact
    ADD COLUMN match_checked_at DATETIME(3) NULL,
    ADD KEY ix_wecom_contact_unmatched (status, added_at);
