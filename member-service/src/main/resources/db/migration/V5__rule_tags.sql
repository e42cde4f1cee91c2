-- A tag is MANUAL (staff put it on members) or RULE: its members are exactly the members matching its
-- rule (the segment rule model, JSON), made so by each evaluation with set-based conditional SQL.
ALTER TABLE tag
    ADD COLUMN kind         VARCHAR(8)  NOT NULL DEFAULT 'MANUAL' AFTER name,
    ADD COLUMN rule         TEXT        NULL AFTER kind,
    ADD COLUMN evaluated_at DATETIME(3) NULL AFTER rule,
    ADD CONSTRAINT ck_tag_kind_rule CHECK ((kind = 'MANUAL' AND rule IS NULL) OR (kind = 'RULE' AND rule IS NOT NULL));

-- the evaluation removes a rule tag's members by tag: walk them by (tag, member)
ALTER TABLE member_tag
    ADD KEY ix_member_tag_tag_member (tenant_id, tag_id, member_id),
    DROP KEY ix_member_tag_tag;
