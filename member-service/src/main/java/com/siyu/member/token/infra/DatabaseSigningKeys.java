package com.siyu.member.token.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.member.token.domain.SigningKey;
import com.siyu.member.token.domain.SigningKeys;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * RS256 keys kept in the member database so that every member-service instance signs with the same
 * key and a restart does not invalidate tokens. Rotation: insert a new ACTIVE key (it signs from then
 * on), mark old ones RETIRED once their tokens have expired.
 */
@Component
class DatabaseSigningKeys implements SigningKeys {

    private final SigningKeyMapper mapper;
    private final Clock clock;
    private static final java.time.Duration RELOAD_EVERY = java.time.Duration.ofSeconds(60);

    private volatile List<SigningKey> cached = List.of();
    private volatile java.time.Instant loadedAt = java.time.Instant.EPOCH;

    /** The private key is stored sealed (envelope encryption with the environment's master key). */
    private final com.siyu.common.crypto.SecretBox secrets;

    DatabaseSigningKeys(SigningKeyMapper mapper, Clock clock, com.siyu.common.crypto.SecretBox secrets) {
        this.secrets = secrets;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public SigningKey current() {
        List<SigningKey> keys = cached;
        if (keys.isEmpty() || loadedAt.plus(RELOAD_EVERY).isBefore(clock.instant())) {
            // other instances may have rotated: pick their new key up within a minute
            keys = reload();
        }
        if (keys.isEmpty()) {
            create();
            keys = reload();
        }
        return keys.get(0);
    }

    @Override
    public List<SigningKey> published() {
        current();
        return reload();
    }

    @Override
    public List<SigningKey> known() {
        current();
        return cached;
    }

    @Override
    public String rotate() {
        String kid = create();
        reload();
        return kid;
    }

    @Override
    public void retire(String kid) {
        List<SigningKey> keys = reload();
        if (!keys.isEmpty() && keys.get(0).kid().equals(kid)) {
            throw new com.siyu.common.problem.DomainException(org.springframework.http.HttpStatus.CONFLICT, "SIGNING_KEY_CURRENT",
                    "Key " + kid + " is the one signing now; rotate first, retire it once its tokens have expired");
        }
        if (mapper.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<SigningKeyRow>()
                .set("status", "RETIRED").eq("kid", kid).eq("status", "ACTIVE")) == 0) {
            throw com.siyu.common.problem.DomainException.notFound("Active signing key", kid);
        }
        reload();
    }

    private synchronized List<SigningKey> reload() {
        loadedAt = clock.instant();
        cached = mapper.selectList(new QueryWrapper<SigningKeyRow>().eq("status", "ACTIVE").orderByDesc("created_at").orderByDesc("kid"))
                .stream().flatMap(row -> readable(row).stream()).toList();
        return cached;
    }

    private String create() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            SigningKeyRow row = new SigningKeyRow();
            LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
            row.kid = now.format(DateTimeFormatter.ofPattern("yyyyMMdd")) + "-" + UUID.randomUUID().toString().substring(0, 8);
            row.privateDer = secrets.seal(Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()));
            row.publicDer = Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
            row.status = "ACTIVE";
            row.createdAt = now;
            mapper.insert(row);
            return row.kid;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        } catch (DuplicateKeyException raced) {
            // another instance created one at the same moment: either key is fine
            return null;
        }
    }

    /**
     * A key sealed under a master key this instance does not have (the master key was replaced, not rotated)
     * cannot sign: it is skipped, and a new key is made when none is left.
     */
    private java.util.Optional<SigningKey> readable(SigningKeyRow row) {
        try {
            return java.util.Optional.of(toKey(row));
        } catch (IllegalStateException e) {
            org.slf4j.LoggerFactory.getLogger(DatabaseSigningKeys.class).warn("Signing key {} cannot be opened ({}); skipped", row.kid, e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private SigningKey toKey(SigningKeyRow row) {
        try {
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateKey privateKey = (RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(secrets.open(row.privateDer))));
            RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(row.publicDer)));
            return new SigningKey(row.kid, privateKey, publicKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing key " + row.kid + " is unreadable", e);
        }
    }
}
