package com.siyu.member.token.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clients of the token endpoint ({@code siyu.token.clients.<id>.secret} / {@code .scopes}): one per
 * service ({@code internal}) and the platform operator ({@code platform}). Secrets come from the
 * environment; a client without a secret cannot sign in. Secrets are compared as SHA-256 digests in
 * constant time.
 */
@ConfigurationProperties("siyu.token")
public class TokenClients {

    public static class Client {
        private String secret;
        private List<String> scopes = new ArrayList<>();

        public String getSecret() {
            return secret;
        }

        public void setSecret(String secret) {
            this.secret = secret;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }
    }

    private Map<String, Client> clients = new LinkedHashMap<>();

    public Map<String, Client> getClients() {
        return clients;
    }

    public void setClients(Map<String, Client> clients) {
        this.clients = clients;
    }

    /** The client whose id and secret these are, if any. */
    public Optional<Client> authenticate(String clientId, String secret) {
        Client client = clients.get(clientId);
        if (client == null || client.getSecret() == null || client.getSecret().isBlank() || secret == null) {
            return Optional.empty();
        }
        return MessageDigest.isEqual(sha256(client.getSecret()), sha256(secret)) ? Optional.of(client) : Optional.empty();
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
