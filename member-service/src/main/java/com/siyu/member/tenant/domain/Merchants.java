package com.siyu.member.tenant.domain;

import com.siyu.common.problem.DomainException;
import java.util.List;
import org.springframework.stereotype.Service;

/** Counters of the tenant's stores, and resolving the cashier QR code a shopper scans. */
@Service
public class Merchants {

    private final MerchantRepository merchants;
    private final TenantRepository tenants;

    public Merchants(MerchantRepository merchants, TenantRepository tenants) {
        this.merchants = merchants;
        this.tenants = tenants;
    }

    public Merchant add(long storeId, String code, String brand, String category, String cashierQrId) {
        tenants.store(storeId).orElseThrow(() -> DomainException.notFound("Store", storeId));
        return merchants.insert(storeId, code, brand, category, cashierQrId);
    }

    public Merchant get(long id) {
        return merchants.find(id).orElseThrow(() -> DomainException.notFound("Merchant", id));
    }

    public Merchant byQr(String qr) {
        return merchants.byQr(qr).orElseThrow(() -> DomainException.notFound("Cashier code", qr));
    }

    public List<Merchant> list(Long storeId) {
        return merchants.list(storeId);
    }
}
