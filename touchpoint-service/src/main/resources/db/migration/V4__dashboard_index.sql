-- The dashboard reads a period's sends from this index alone (no row lookups).
ALTER TABLE tp_send ADD KEY ix_send_dashboard (tenant_id, created_at, channel, preset, status, member_id);
