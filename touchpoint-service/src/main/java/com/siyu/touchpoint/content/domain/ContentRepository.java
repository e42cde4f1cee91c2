package com.siyu.touchpoint.content.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The tenant's materials and scripts (infra: JDBC); every call is inside the tenant in context. */
public interface ContentRepository {

    /** The new material's id; {@code CONTENT_TITLE_TAKEN} (409) when the tenant has one with that title. */
    long insertMaterial(Material material, Instant now);

    /** Changes a material if it is still at {@code version} (and active); false when it moved on or is archived. */
    boolean updateMaterial(Material material, int version, Instant now);

    Optional<Material> material(long id);

    List<Material> materials(Collection<Long> ids);

    /** Newest first, {@code status} and {@code kind} optional, ids below {@code before} (0: from the newest). */
    List<Material> listMaterials(Material.Status status, Material.Kind kind, long before, int limit);

    boolean archiveMaterial(long id, Instant now);

    /** The active scripts that attach the material. */
    List<Long> scriptsUsing(long materialId);

    long insertScript(Script script, Instant now);

    boolean updateScript(Script script, int version, Instant now);

    Optional<Script> script(long id);

    List<Script> listScripts(Material.Status status, Script.Scene scene, String search, long before, int limit);

    boolean archiveScript(long id, Instant now);
}
