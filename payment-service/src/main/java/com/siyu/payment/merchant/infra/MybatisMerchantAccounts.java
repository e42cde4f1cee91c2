package com.siyu.payment.merchant.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.crypto.SecretBox;
import com.siyu.payment.merchant.domain.MerchantAccount;
import com.siyu.payment.merchant.domain.MerchantAccountRepository;
import com.siyu.payment.merchant.domain.MerchantTaken;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisMerchantAccounts implements MerchantAccountRepository {

    private final MerchantAccountMapper mapper;
    private final SecretBox secrets;

    MybatisMerchantAccounts(MerchantAccountMapper mapper, SecretBox secrets) {
        this.mapper = mapper;
        this.secrets = secrets;
    }

    @Override
    public Optional<MerchantAccount> current() {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<>())).map(this::of);
    }

    @Override
    public Optional<MerchantAccount> byDirectMchId(String mchId) {
        return Optional.ofNullable(mapper.byDirectMchId(mchId)).map(this::of);
    }

    @Override
    public void save(MerchantAccount account) {
        MerchantAccountRow row = Optional.ofNullable(mapper.selectOne(new QueryWrapper<>())).orElseGet(MerchantAccountRow::new);
        row.tenantId = account.tenantId();
        row.mode = account.mode().name();
        row.mchId = account.mchId();
        row.subMchId = account.subMchId();
        MerchantAccount.DirectCredentials c = account.credentials();
        row.apiV3Key = c == null ? null : secrets.seal(c.apiV3Key());
        row.merchantSerialNo = c == null ? null : c.merchantSerialNo();
        row.privateKey = c == null ? null : secrets.seal(c.privateKey());
        row.platformPublicKey = c == null ? null : c.platformPublicKey();
        row.platformPublicKeyId = c == null ? null : c.platformPublicKeyId();
        row.updatedAt = LocalDateTime.ofInstant(account.updatedAt().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
        try {
            if (row.id == null) {
                mapper.insert(row);
            } else {
                // nulls included: an account that changes mode drops the other mode's columns
                mapper.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<MerchantAccountRow>()
                        .eq("id", row.id).set("mode", row.mode)
                        .set("mch_id", row.mchId).set("sub_mch_id", row.subMchId).set("api_v3_key", row.apiV3Key)
                        .set("merchant_serial_no", row.merchantSerialNo).set("private_key", row.privateKey)
                        .set("platform_public_key", row.platformPublicKey).set("platform_public_key_id", row.platformPublicKeyId)
                        .set("updated_at", row.updatedAt));
            }
        } catch (DuplicateKeyException e) {
            throw new MerchantTaken(account.payee());
        }
    }

    private MerchantAccount of(MerchantAccountRow r) {
        MerchantAccount.DirectCredentials credentials = r.apiV3Key == null ? null : new MerchantAccount.DirectCredentials(
                secrets.open(r.apiV3Key), r.merchantSerialNo, secrets.open(r.privateKey), r.platformPublicKey, r.platformPublicKeyId);
        return new MerchantAccount(r.tenantId, MerchantAccount.Mode.valueOf(r.mode), r.mchId, r.subMchId, credentials,
                r.updatedAt.toInstant(ZoneOffset.UTC));
    }
}
