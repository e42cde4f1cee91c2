package com.siyu.member.tenant.domain;

import java.time.ZoneId;
import java.util.List;

/** What the platform admin provides to onboard a mall group, with its first administrator. */
public record NewTenant(String code, String name, String miniappAppId, String miniappSecret, String mpAppId, String corpId, ZoneId timeZone,
                        List<NewStore> stores, String adminUsername, String adminDisplayName, String adminPassword) {
}
