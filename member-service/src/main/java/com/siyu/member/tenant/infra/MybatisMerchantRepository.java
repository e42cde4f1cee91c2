package com.siyu.member.tenant.infra;

import com.baomidou.mybatisplus.core.conditions.query.QueryWrapper;
import com.siyu.common.context.CallerContext;
import com.siyu.member.tenant.domain.Merchant;
import com.siyu.member.tenant.domain.MerchantRepository;
import com.siyu.member.tenant.domain.MerchantTaken;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

@Repository
class MybatisMerchantRepository implements MerchantRepository {

    private final MerchantMapper mapper;
    private final Clock clock;

    MybatisMerchantRepository(MerchantMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public Merchant insert(long storeId, String code, String brand, String category, String cashierQrId) {
        MerchantRow row = new MerchantRow();
        row.tenantId = CallerContext.requireTenant();
        row.storeId = storeId;
        row.code = code;
        row.brand = brand;
        row.category = category;
        row.cashierQrId = cashierQrId;
        row.createdAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException e) {
            throw new MerchantTaken();
        }
        return toMerchant(row);
    }

    @Override
    public Optional<Merchant> find(long id) {
        return Optional.ofNullable(mapper.selectById(id)).map(MybatisMerchantRepository::toMerchant);
    }

    @Override
    public Optional<Merchant> byQr(String cashierQrId) {
        return Optional.ofNullable(mapper.selectOne(new QueryWrapper<MerchantRow>().eq("cashier_qr_id", cashierQrId)))
                .map(MybatisMerchantRepository::toMerchant);
    }

    @Override
    public List<Merchant> list(Long storeId) {
        QueryWrapper<MerchantRow> query = new QueryWrapper<MerchantRow>().orderByAsc("id");
        if (storeId != null) {
            query.eq("store_id", storeId);
        }
        return mapper.selectList(query).stream().map(MybatisMerchantRepository::toMerchant).toList();
    }

    private static Merchant toMerchant(MerchantRow row) {
        return new Merchant(row.id, row.storeId, row.code, row.brand, row.category, row.cashierQrId);
    }
}
