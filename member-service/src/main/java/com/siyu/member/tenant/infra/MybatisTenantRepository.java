package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.NewStore;
import com.siyu.member.tenant.domain.NewTenant;
import com.siyu.member.tenant.domain.Store;
import com.siyu.member.tenant.domain.StoreCodeTaken;
import com.siyu.member.tenant.domain.Tenant;
import com.siyu.member.tenant.domain.TenantCodeTaken;
import com.siyu.member.tenant.domain.TenantRepository;
import com.siyu.member.tenant.domain.TenantStatus;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisTenantRepository implements TenantRepository {

    private final TenantMapper tenants;
    private final StoreMapper stores;
    private final Clock clock;
    /** The AppSecret is stored sealed (envelope encryption), opened only when a Tenant is built. */
    private final com.siyu.common.crypto.SecretBox secrets;

    MybatisTenantRepository(TenantMapper tenants, StoreMapper stores, Clock clock, com.siyu.common.crypto.SecretBox secrets) {
        this.secrets = secrets;
        this.tenants = tenants;
        this.stores = stores;
        this.clock = clock;
    }

    @Override
    public long insertTenant(NewTenant tenant) {
        TenantRow row = new TenantRow();
        row.code = tenant.code();
        row.name = tenant.name();
        row.miniappAppId = tenant.miniappAppId();
        row.miniappSecret = secrets.seal(tenant.miniappSecret());
        row.mpAppId = tenant.mpAppId();
        row.corpId = tenant.corpId();
        row.timeZone = tenant.timeZone().getId();
        row.status = TenantStatus.ACTIVE.name();
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        try {
            tenants.insert(row);
        } catch (DuplicateKeyException e) {
            throw new TenantCodeTaken(tenant.code());
        }
        return row.id;
    }

    @Override
    public Optional<Tenant> findByCode(String code) {
        return Optional.ofNullable(tenants.selectOne(new QueryWrapper<TenantRow>().eq("code", code)))
                .map(this::toTenant);
    }

    @Override
    public Optional<Tenant> findByMiniappAppId(String appId) {
        return Optional.ofNullable(tenants.selectOne(new QueryWrapper<TenantRow>().eq("miniapp_app_id", appId)))
                .map(this::toTenant);
    }

    @Override
    public void setMiniApp(long tenantId, String appId, String secret) {
        try {
            tenants.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<TenantRow>()
                    .set("miniapp_app_id", appId).set("miniapp_secret", secrets.seal(secret)).set("updated_at", now()).eq("id", tenantId));
        } catch (DuplicateKeyException e) {
            throw new TenantCodeTaken(appId);
        }
    }

    @Override
    public List<Long> activeTenantIds() {
        return tenants.selectList(new QueryWrapper<TenantRow>().select("id").eq("status", TenantStatus.ACTIVE.name()))
                .stream().map(row -> row.id).toList();
    }

    @Override
    public void setStatus(long tenantId, TenantStatus status) {
        tenants.update(null, new com.baomidou.mybatisplus.core.conditions.update.UpdateWrapper<TenantRow>()
                .set("status", status.name()).set("updated_at", now()).eq("id", tenantId));
    }

    @Override
    public Optional<Tenant> findById(long id) {
        return Optional.ofNullable(tenants.selectById(id)).map(this::toTenant);
    }

    @Override
    public Store insertStore(NewStore store) {
        StoreRow row = new StoreRow();
        row.tenantId = CallerContext.requireTenant();
        row.code = store.code();
        row.name = store.name();
        row.address = store.address();
        row.latitude = store.latitude();
        row.longitude = store.longitude();
        row.createdAt = now();
        row.updatedAt = row.createdAt;
        try {
            stores.insert(row);
        } catch (DuplicateKeyException e) {
            throw new StoreCodeTaken(store.code());
        }
        return toStore(row);
    }

    @Override
    public List<Store> stores() {
        return stores.selectList(new QueryWrapper<StoreRow>().orderByAsc("id")).stream()
                .map(MybatisTenantRepository::toStore).toList();
    }

    @Override
    public Optional<Store> store(long id) {
        return Optional.ofNullable(stores.selectById(id)).map(MybatisTenantRepository::toStore);
    }

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * The opened AppSecret; one sealed under a master key this instance does not have reads as not configured
     * (the platform operator sets the mini-program credentials again) instead of failing every read of the tenant.
     */
    private String appSecret(TenantRow row) {
        try {
            return secrets.open(row.miniappSecret);
        } catch (IllegalStateException e) {
            org.slf4j.LoggerFactory.getLogger(MybatisTenantRepository.class)
                    .warn("The mini-program secret of tenant {} cannot be opened ({}); set it again", row.id, e.getMessage());
            return null;
        }
    }

    private Tenant toTenant(TenantRow row) {
        return new Tenant(row.id, row.code, row.name, row.miniappAppId, appSecret(row), ZoneId.of(row.timeZone), TenantStatus.valueOf(row.status));
    }

    private static Store toStore(StoreRow row) {
        return new Store(row.id, row.code, row.name, row.address, row.latitude, row.longitude);
    }
}
