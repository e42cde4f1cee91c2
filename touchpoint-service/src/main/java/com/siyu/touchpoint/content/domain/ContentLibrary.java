package com.siyu.touchpoint.content.domain;

import com.siyu.common.context.Caller;
import com.siyu.common.context.CallerContext;
import com.siyu.common.feign.RemoteRejection;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.client.GuideClient;
import com.siyu.touchpoint.client.MemberContactsClient;
import com.siyu.touchpoint.client.StoreClient;
import com.siyu.touchpoint.messaging.domain.Messaging;
import com.siyu.touchpoint.messaging.domain.Templates;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The content library: materials and scripts checked when saved (the kind's fields, https references, known
 * variables, the tenant's sensitive words), edited against the version read, archived rather than deleted (a material
 * a script still attaches stays), and a script filled in for one member of the tenant: {name} (their nickname), {guide}
 * (their exclusive guide) and {store} (the guide's store, else the member's home store). A guide fills scripts only
 * for their own members.
 */
@Service
public class ContentLibrary {

    public static final Set<String> VARIABLES = Set.of("name", "guide", "store");
    static final int MAX_MATERIALS = 9;
    private static final Pattern PAGE = Pattern.compile("[A-Za-z0-9_\\-/]+(\\?[A-Za-z0-9_\\-=&%.]*)?");

    private final ContentRepository content;
    private final Messaging messaging;
    private final MemberContactsClient members;
    private final GuideClient guides;
    private final StoreClient stores;
    private final TransactionTemplate tx;
    private final Clock clock;

    public ContentLibrary(ContentRepository content, Messaging messaging, MemberContactsClient members, GuideClient guides, StoreClient stores,
                          PlatformTransactionManager transactions, Clock clock) {
        this.content = content;
        this.messaging = messaging;
        this.members = members;
        this.guides = guides;
        this.stores = stores;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** What an operator gives for a material (the id, status and version are the library's). */
    public record MaterialDraft(Material.Kind kind, String title, String body, String url, String page, String thumbUrl) {
    }

    public record ScriptDraft(Script.Scene scene, String title, String text, List<Long> materialIds) {
    }

    /** A script filled in for a member, with its materials (their text filled too). */
    public record Rendered(long scriptId, long memberId, String text, List<Material> materials) {
    }

    public Material addMaterial(MaterialDraft d) {
        check(d);
        Instant now = clock.instant();
        long id = content.insertMaterial(new Material(0, d.kind(), d.title(), d.body(), d.url(), d.page(), d.thumbUrl(), Material.Status.ACTIVE, 1,
                staff(), now, now), now);
        return material(id);
    }

    public Material changeMaterial(long id, int version, MaterialDraft d) {
        Material current = material(id);
        if (current.kind() != d.kind()) {
            throw invalid("kind", "is " + current.kind() + " and cannot change");
        }
        check(d);
        Instant now = clock.instant();
        if (!content.updateMaterial(new Material(id, d.kind(), d.title(), d.body(), d.url(), d.page(), d.thumbUrl(), Material.Status.ACTIVE, version,
                current.createdBy(), current.createdAt(), now), version, now)) {
            throw stale("Material", material(id), version);
        }
        return material(id);
    }

    public Material material(long id) {
        return content.material(id).orElseThrow(() -> DomainException.notFound("Material", id));
    }

    public List<Material> materials(Material.Status status, Material.Kind kind, long before, int limit) {
        return content.listMaterials(status, kind, before, limit);
    }

    /** ACTIVE → ARCHIVED; refused (409 MATERIAL_IN_USE) while an active script attaches it. */
    public Material archiveMaterial(long id) {
        material(id);
        Instant now = clock.instant();
        tx.executeWithoutResult(t -> {
            // the material's row is locked first: a script attaching it meanwhile waits, then finds it archived
            if (!content.archiveMaterial(id, now)) {
                return;
            }
            List<Long> using = content.scriptsUsing(id);
            if (!using.isEmpty()) {
                t.setRollbackOnly();
                throw new DomainException(HttpStatus.CONFLICT, "MATERIAL_IN_USE", "Material " + id + " is attached to the scripts " + using
                        + "; detach it or archive them first", Map.of("scriptIds", using));
            }
        });
        return material(id);
    }

    public Script addScript(ScriptDraft d) {
        Instant now = clock.instant();
        check(d);
        long id = tx.execute(t -> {
            attachable(d.materialIds());
            return content.insertScript(new Script(0, d.scene(), d.title(), d.text(), d.materialIds(), Material.Status.ACTIVE, 1, staff(), now, now), now);
        });
        return script(id);
    }

    public Script changeScript(long id, int version, ScriptDraft d) {
        Script current = script(id);
        check(d);
        Instant now = clock.instant();
        boolean changed = tx.execute(t -> {
            attachable(d.materialIds());
            return content.updateScript(new Script(id, d.scene(), d.title(), d.text(), d.materialIds(), Material.Status.ACTIVE, version,
                    current.createdBy(), current.createdAt(), now), version, now);
        });
        if (!changed) {
            throw stale("Script", script(id), version);
        }
        return script(id);
    }

    public Script script(long id) {
        return content.script(id).orElseThrow(() -> DomainException.notFound("Script", id));
    }

    public List<Script> scripts(Material.Status status, Script.Scene scene, String search, long before, int limit) {
        return content.listScripts(status, scene, search, before, limit);
    }

    public Script archiveScript(long id) {
        script(id);
        content.archiveScript(id, clock.instant());
        return script(id);
    }

    /** The script filled in for the member (404 when the member is not the tenant's, or, for a guide, not theirs). */
    public Rendered render(long scriptId, long memberId) {
        Script script = script(scriptId);
        if (script.status() != Material.Status.ACTIVE) {
            throw new DomainException(HttpStatus.CONFLICT, "CONTENT_ARCHIVED", "Script " + scriptId + " is archived");
        }
        List<MemberContactsClient.Contact> found = members.contacts(new MemberContactsClient.Query(List.of(memberId)));
        if (found.isEmpty()) {
            throw DomainException.notFound("Member", memberId);
        }
        MemberContactsClient.Contact member = found.get(0);
        Optional<GuideClient.BoundGuide> guide = guideOf(memberId);
        Caller caller = CallerContext.current();
        if (!caller.hasAnyRole("TENANT_ADMIN", "OPERATOR", "SERVICE_AGENT")
                && (guide.isEmpty() || guide.get().staffId() == null || !guide.get().staffId().equals(caller.staffId()))) {
            // a guide fills scripts for their own members only; nothing is told about anyone else's
            throw DomainException.notFound("Member", memberId);
        }
        Long storeId = guide.map(GuideClient.BoundGuide::storeId).orElse(member.storeId());
        Map<String, String> values = new HashMap<>();
        values.put("name", member.nickname() == null ? "" : member.nickname());
        values.put("guide", guide.map(GuideClient.BoundGuide::guideName).orElse(""));
        values.put("store", storeId == null ? "" : storeName(storeId));
        List<Material> attached = content.materials(script.materialIds()).stream()
                .map(m -> m.body() == null ? m : new Material(m.id(), m.kind(), m.title(), Templates.fill(m.body(), values), m.url(), m.page(),
                        m.thumbUrl(), m.status(), m.version(), m.createdBy(), m.createdAt(), m.updatedAt()))
                .toList();
        return new Rendered(scriptId, memberId, Templates.fill(script.text(), values), attached);
    }

    /** A script's text for a campaign's WeCom message: the variables campaigns fill ({name}) only. */
    public String campaignText(long scriptId, Set<String> campaignVariables, String field) {
        Script script = content.script(scriptId).filter(s -> s.status() == Material.Status.ACTIVE)
                .orElseThrow(() -> invalid(field, scriptId + " is not an active script of this tenant"));
        try {
            Templates.checkVariables(script.text(), campaignVariables);
        } catch (DomainException e) {
            throw invalid(field, scriptId + " uses a variable campaigns do not fill (" + e.getMessage() + ")");
        }
        return script.text();
    }

    private Optional<GuideClient.BoundGuide> guideOf(long memberId) {
        try {
            return Optional.of(guides.guideOf(memberId));
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isPresent()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private String storeName(long storeId) {
        try {
            return stores.store(storeId).name();
        } catch (RuntimeException e) {
            if (RemoteRejection.in(e).isPresent()) {
                return "";
            }
            throw e;
        }
    }

    private void check(MaterialDraft d) {
        messaging.checkContent("title", d.title());
        switch (d.kind()) {
            case TEXT -> {
                require("body", d.body(), d.kind());
                none("url", d.url(), d.kind());
                none("page", d.page(), d.kind());
                none("thumbUrl", d.thumbUrl(), d.kind());
            }
            case IMAGE, FILE, LINK -> {
                https("url", require("url", d.url(), d.kind()));
                none("page", d.page(), d.kind());
                if (d.thumbUrl() != null) {
                    https("thumbUrl", d.thumbUrl());
                }
            }
            case MINI_PROGRAM -> {
                require("body", d.body(), d.kind());
                String page = require("page", d.page(), d.kind());
                if (!PAGE.matcher(page).matches() || page.startsWith("/")) {
                    throw invalid("page", "must be a page path of the mini-program, like pages/activity/index?id=3");
                }
                none("url", d.url(), d.kind());
                if (d.thumbUrl() != null) {
                    https("thumbUrl", d.thumbUrl());
                }
            }
        }
        if (d.body() != null) {
            Templates.checkVariables(d.body(), VARIABLES);
            messaging.checkContent("body", d.body());
        }
    }

    private void check(ScriptDraft d) {
        messaging.checkContent("title", d.title());
        Templates.checkVariables(d.text(), VARIABLES);
        messaging.checkContent("text", d.text());
        if (d.materialIds().size() > MAX_MATERIALS) {
            throw invalid("materialIds", "holds at most " + MAX_MATERIALS + " materials");
        }
        if (new HashSet<>(d.materialIds()).size() != d.materialIds().size()) {
            throw invalid("materialIds", "repeats a material");
        }
    }

    /** Each attached material is the tenant's and active (read under a shared lock: it cannot be archived meanwhile). */
    private void attachable(List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Map<Long, Material> found = new HashMap<>();
        content.materials(ids).forEach(m -> found.put(m.id(), m));
        for (int i = 0; i < ids.size(); i++) {
            Material m = found.get(ids.get(i));
            if (m == null || m.status() != Material.Status.ACTIVE) {
                throw invalid("materialIds[" + i + "]", ids.get(i) + " is not an active material of this tenant");
            }
        }
    }

    private static String require(String field, String value, Material.Kind kind) {
        if (value == null || value.isBlank()) {
            throw invalid(field, "is required for a " + kind + " material");
        }
        return value;
    }

    private static void none(String field, String value, Material.Kind kind) {
        if (value != null) {
            throw invalid(field, "is not taken by a " + kind + " material");
        }
    }

    private static void https(String field, String value) {
        java.net.URI uri;
        try {
            uri = java.net.URI.create(value);
        } catch (IllegalArgumentException e) {
            throw invalid(field, "is not a URL");
        }
        if (!"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw invalid(field, "must be an https URL");
        }
    }

    private static long staff() {
        Long staff = CallerContext.current().staffId();
        return staff == null ? 0 : staff;
    }

    private static DomainException stale(String what, Object current, int version) {
        return new DomainException(HttpStatus.CONFLICT, "CONTENT_VERSION_CHANGED", what + " was changed since version " + version
                + " (or is archived); read it again and apply your edit to that", Map.of("current", current));
    }

    private static DomainException invalid(String field, String problem) {
        return new DomainException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", field + " " + problem);
    }
}
