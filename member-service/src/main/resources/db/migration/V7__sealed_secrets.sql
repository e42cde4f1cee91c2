-- The mini-program AppSecret is stored sealed (envelope encryption: enc:v1:<key>:<wrapped data key>:<ciphertext>),
-- longer than the secret itself. Rows written before stay readable as plaintext and are sealed on their next write.
ALTER TABLE tenant MODIFY COLUMN miniapp_secret VARCHAR(512) NULL;
