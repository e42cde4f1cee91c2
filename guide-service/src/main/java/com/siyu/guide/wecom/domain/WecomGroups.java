package com.siyu.guide.wecom.domain;

import com.siyu.common.problem.DomainException;
import com.siyu.guide.client.TenantZones;
import com.siyu.guide.roster.domain.Guide;
import com.siyu.guide.roster.domain.Roster;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * WeCom customer groups (社群) kept current: a sync reads every group the tenant's guides own through WeCom's
 * group-chat API; a change callback (change_external_chat: created, members joined or left, owner or name changed,
 * dismissed) reads that group again. Each read is compared with what is stored, so joins and leaves are recorded
 * once whether they come from a callback, a sync or both. Shoppers in a group are mapped to members (the guides'
 * contacts first, else member-service by unionid); a group's days give its size, joins, leaves and its shoppers' GMV.
 */
@Service
public class WecomGroups {

    static final int MAX_DAYS = 92;

    private final WecomGroupRepository groups;
    private final WecomCorps corps;
    private final WecomApi wecom;
    private final WecomMembers members;
    private final Roster roster;
    private final com.siyu.guide.tasks.domain.Tasks tasks;
    private final TenantZones zones;
    private final org.springframework.transaction.support.TransactionTemplate tx;
    private final Clock clock;

    public WecomGroups(WecomGroupRepository groups, WecomCorps corps, WecomApi wecom, WecomMembers members, Roster roster, TenantZones zones,
                       com.siyu.guide.tasks.domain.Tasks tasks, org.springframework.transaction.PlatformTransactionManager transactions, Clock clock) {
        this.tasks = tasks;
        this.groups = groups;
        this.corps = corps;
        this.wecom = wecom;
        this.members = members;
        this.roster = roster;
        this.zones = zones;
        this.tx = new org.springframework.transaction.support.TransactionTemplate(transactions);
        this.clock = clock;
    }

    public record Synced(int groups, int joins, int leaves) {
    }

    /** Reads every group of the tenant's guides with a WeCom userid (100 owners a call). */
    public Synced sync() {
        WecomCorp corp = corps.require();
        List<String> owners = roster.list(null).stream().map(Guide::wecomUserId).filter(id -> id != null && !id.isBlank()).toList();
        Set<String> chats = new LinkedHashSet<>();
        for (int i = 0; i < owners.size(); i += 100) {
            chats.addAll(wecom.groupChats(corp, owners.subList(i, Math.min(owners.size(), i + 100))));
        }
        int joins = 0;
        int leaves = 0;
        Instant now = clock.instant();
        for (String chatId : chats) {
            int[] changed = refresh(corp, chatId, now);
            joins += changed[0];
            leaves += changed[1];
        }
        return new Synced(chats.size(), joins, leaves);
    }

    /** A change_external_chat callback. */
    public String changed(WecomCorp corp, String chatId, String changeType, Instant now) {
        if (chatId == null || chatId.isBlank()) {
            return "IGNORED without ChatId";
        }
        if ("dismiss".equals(changeType)) {
            groups.dismiss(chatId, now);
            return "DISMISSED";
        }
        int[] changed = refresh(corp, chatId, now);
        return "GROUP " + changed[0] + " joined, " + changed[1] + " left";
    }

    /** Reads the group from WeCom and records the difference; {joins, leaves}. */
    int[] refresh(WecomCorp corp, String chatId, Instant now) {
        Optional<WecomApi.GroupChat> read = wecom.groupChat(corp, chatId);
        if (read.isEmpty()) {
            groups.dismiss(chatId, now);
            return new int[] {0, 0};
        }
        WecomApi.GroupChat chat = read.get();
        Long owner = chat.ownerUserId() == null ? null : roster.findByWecomUser(chat.ownerUserId()).map(Guide::id).orElse(null);
        return tx.execute(status -> {
            groups.saveGroup(chatId, chat.name(), chat.ownerUserId(), owner, chat.createdAt(), chat.members().size(), now);
            // one reader of a group at a time: a callback and a sync racing record each join and leave once
            groups.lock(chatId);
            int[] changed = apply(corp, chatId, chat, now);
            if (changed[0] > 0) {
                // the same transaction: a community task's goal is reached exactly when the joins are recorded
                tasks.groupJoined(chatId);
            }
            return changed;
        });
    }

    private int[] apply(WecomCorp corp, String chatId, WecomApi.GroupChat chat, Instant now) {
        Map<String, WecomGroupRepository.Member> before = groups.present(chatId);
        Set<String> still = new HashSet<>();
        int joins = 0;
        for (WecomApi.GroupMember member : chat.members()) {
            still.add(member.key());
            if (before.containsKey(member.key())) {
                continue;
            }
            Long memberId = member.external() ? memberOf(corp, member) : null;
            Instant joinedAt = member.joinedAt() == null || member.joinedAt().isAfter(now) ? now : member.joinedAt();
            groups.joined(chatId, member.key(), member.external(), memberId, member.joinScene(), joinedAt);
            joins++;
        }
        int leaves = 0;
        for (String key : before.keySet()) {
            if (!still.contains(key)) {
                groups.left(chatId, key, now);
                leaves++;
            }
        }
        return new int[] {joins, leaves};
    }

    private Long memberOf(WecomCorp corp, WecomApi.GroupMember member) {
        return groups.knownMember(member.key()).orElseGet(() -> members.memberOf(corp, member.key(), member.unionId()));
    }

    public WecomGroup get(String chatId) {
        return groups.find(chatId).orElseThrow(() -> DomainException.notFound("WeCom group", chatId));
    }

    public List<WecomGroup> list(List<Long> ownerGuideIds) {
        return groups.list(ownerGuideIds, 500);
    }

    /** The group's days {@code from}..{@code to} (inclusive) in the mall's time zone. */
    public List<WecomGroup.Day> days(String chatId, LocalDate from, LocalDate to) {
        get(chatId);
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "from..to is 1 to " + MAX_DAYS + " days, from first");
        }
        ZoneId zone = zones.zone();
        List<WecomGroup.Day> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(groups.day(chatId, day, day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        return days;
    }

    public record GroupCode(long id, String name, List<String> chatIds, String qrCode) {
    }

    /** A group QR code over up to five of the tenant's groups; WeCom opens "{roomBaseName}N" when they are all full. */
    public GroupCode createCode(String name, List<String> chatIds, String roomBaseName, Long staffId) {
        WecomCorp corp = corps.require();
        List<String> chats = List.copyOf(new LinkedHashSet<>(chatIds));
        Map<String, Boolean> known = new HashMap<>();
        for (String chatId : chats) {
            known.put(chatId, groups.find(chatId).filter(g -> "ACTIVE".equals(g.status())).isPresent());
        }
        known.forEach((chatId, ok) -> {
            if (!ok) {
                throw new DomainException(HttpStatus.UNPROCESSABLE_ENTITY, "UNKNOWN_WECOM_GROUP",
                        "chatIds " + chatId + " is not an active customer group of this tenant (sync the groups first)");
            }
        });
        long id;
        try {
            id = groups.createCode(name, chats, roomBaseName, staffId, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new DomainException(HttpStatus.CONFLICT, "GROUP_CODE_EXISTS", "This tenant already has a group code named " + name);
        }
        try {
            WecomApi.ContactWay way = wecom.addGroupJoinWay(corp, "syg" + id, chats, roomBaseName, 1, name);
            groups.codeIssued(id, way.configId(), way.qrCode());
            return new GroupCode(id, name, chats, way.qrCode());
        } catch (WecomRejected e) {
            groups.deleteCode(id);
            throw WecomFailures.problem(e);
        } catch (WecomUnavailable e) {
            groups.deleteCode(id);
            throw WecomFailures.problem(e);
        }
    }
}
