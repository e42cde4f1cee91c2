package com.siyu.touchpoint.content.api;

import com.siyu.common.web.StaffOnly;
import com.siyu.touchpoint.content.domain.ContentLibrary;
import com.siyu.touchpoint.content.domain.Material;
import com.siyu.touchpoint.content.domain.Script;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The content library: operators keep materials and scripts; guides, managers and service agents read them and fill a
 * script in for a member (a guide for their own members). Edits name the version they read; archiving keeps the row.
 */
@RestController
@Validated
class ContentController {

    private static final String[] EDITORS = {"TENANT_ADMIN", "OPERATOR"};
    private static final String[] READERS = {"TENANT_ADMIN", "OPERATOR", "MANAGER", "SERVICE_AGENT", "GUIDE"};

    private final ContentLibrary library;

    ContentController(ContentLibrary library) {
        this.library = library;
    }

    /** body: TEXT's text, a card's caption, a link's summary (with {name}, {guide}, {store}); url, page, thumbUrl per kind. */
    record MaterialRequest(@NotNull Material.Kind kind, @NotBlank @Size(max = 64) String title, @Size(max = 2000) String body,
                           @Size(max = 512) String url, @Size(max = 256) String page, @Size(max = 512) String thumbUrl) {
        ContentLibrary.MaterialDraft draft() {
            return new ContentLibrary.MaterialDraft(kind, title.strip(), body, url, page, thumbUrl);
        }
    }

    /** version: the one read (GET), for PUT only. */
    record MaterialChange(@NotNull @Positive Integer version, @NotNull @Valid MaterialRequest material) {
    }

    record ScriptRequest(@NotNull Script.Scene scene, @NotBlank @Size(max = 64) String title, @NotBlank @Size(max = 1000) String text,
                         @Size(max = 9) List<@NotNull @Positive Long> materialIds) {
        ContentLibrary.ScriptDraft draft() {
            return new ContentLibrary.ScriptDraft(scene, title.strip(), text, materialIds == null ? List.of() : materialIds);
        }
    }

    record ScriptChange(@NotNull @Positive Integer version, @NotNull @Valid ScriptRequest script) {
    }

    @PostMapping("/admin/v1/touchpoint/materials")
    ResponseEntity<Material> addMaterial(@Valid @RequestBody MaterialRequest r) {
        StaffOnly.require(EDITORS);
        Material made = library.addMaterial(r.draft());
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/materials/" + made.id())).body(made);
    }

    @PutMapping("/admin/v1/touchpoint/materials/{id}")
    Material changeMaterial(@PathVariable long id, @Valid @RequestBody MaterialChange r) {
        StaffOnly.require(EDITORS);
        return library.changeMaterial(id, r.version(), r.material().draft());
    }

    @GetMapping("/admin/v1/touchpoint/materials/{id}")
    Material material(@PathVariable long id) {
        StaffOnly.require(READERS);
        return library.material(id);
    }

    /** Newest first; {@code before}: the last id of the previous page. */
    @GetMapping("/admin/v1/touchpoint/materials")
    List<Material> materials(@RequestParam(required = false) Material.Status status, @RequestParam(required = false) Material.Kind kind,
                             @RequestParam(defaultValue = "0") @Min(0) long before, @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        StaffOnly.require(READERS);
        return library.materials(status, kind, before, limit);
    }

    @DeleteMapping("/admin/v1/touchpoint/materials/{id}")
    Material archiveMaterial(@PathVariable long id) {
        StaffOnly.require(EDITORS);
        return library.archiveMaterial(id);
    }

    @PostMapping("/admin/v1/touchpoint/scripts")
    ResponseEntity<Script> addScript(@Valid @RequestBody ScriptRequest r) {
        StaffOnly.require(EDITORS);
        Script made = library.addScript(r.draft());
        return ResponseEntity.created(URI.create("/admin/v1/touchpoint/scripts/" + made.id())).body(made);
    }

    @PutMapping("/admin/v1/touchpoint/scripts/{id}")
    Script changeScript(@PathVariable long id, @Valid @RequestBody ScriptChange r) {
        StaffOnly.require(EDITORS);
        return library.changeScript(id, r.version(), r.script().draft());
    }

    @GetMapping("/admin/v1/touchpoint/scripts/{id}")
    Script script(@PathVariable long id) {
        StaffOnly.require(READERS);
        return library.script(id);
    }

    /** By scene, a literal search in title and text, newest first. */
    @GetMapping("/admin/v1/touchpoint/scripts")
    List<Script> scripts(@RequestParam(required = false) Material.Status status, @RequestParam(required = false) Script.Scene scene,
                         @RequestParam(required = false) @Size(max = 40) String q, @RequestParam(defaultValue = "0") @Min(0) long before,
                         @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        StaffOnly.require(READERS);
        return library.scripts(status, scene, q, before, limit);
    }

    @DeleteMapping("/admin/v1/touchpoint/scripts/{id}")
    Script archiveScript(@PathVariable long id) {
        StaffOnly.require(EDITORS);
        return library.archiveScript(id);
    }

    /** The script filled in for the member, with its materials: what the guide sends. */
    @GetMapping("/admin/v1/touchpoint/scripts/{id}/rendered")
    ContentLibrary.Rendered rendered(@PathVariable long id, @RequestParam @Positive long memberId) {
        StaffOnly.require(READERS);
        return library.render(id, memberId);
    }
}
