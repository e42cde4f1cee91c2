package com.siyu.touchpoint.content.infra;

import com.siyu.common.context.CallerContext;
import com.siyu.common.problem.DomainException;
import com.siyu.touchpoint.content.domain.ContentRepository;
import com.siyu.touchpoint.content.domain.Material;
import com.siyu.touchpoint.content.domain.Script;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcContentRepository implements ContentRepository {

    private final JdbcTemplate jdbc;

    JdbcContentRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static long tenant() {
        return CallerContext.requireTenant();
    }

    private static Timestamp ts(Instant at) {
        return Timestamp.from(at);
    }

    @Override
    public long insertMaterial(Material m, Instant now) {
        return insert("insert into tp_material (tenant_id, kind, title, body, url, page, thumb_url, status, version, created_by, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?)", m.title(), tenant(), m.kind().name(), m.title(), m.body(), m.url(), m.page(),
                m.thumbUrl(), m.createdBy(), ts(now), ts(now));
    }

    @Override
    public boolean updateMaterial(Material m, int version, Instant now) {
        try {
            return jdbc.update("update tp_material set title = ?, body = ?, url = ?, page = ?, thumb_url = ?, version = version + 1, updated_at = ?"
                    + " where tenant_id = ? and id = ? and version = ? and status = 'ACTIVE'", m.title(), m.body(), m.url(), m.page(), m.thumbUrl(), ts(now),
                    tenant(), m.id(), version) == 1;
        } catch (DuplicateKeyException e) {
            throw titleTaken(m.title());
        }
    }

    @Override
    public Optional<Material> material(long id) {
        return jdbc.query("select * from tp_material where tenant_id = ? and id = ?", this::materialRow, tenant(), id).stream().findFirst();
    }

    @Override
    public List<Material> materials(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(tenant());
        args.addAll(ids);
        // a shared lock: a material being attached cannot be archived until the attaching transaction ends
        List<Material> found = jdbc.query("select * from tp_material where tenant_id = ? and id in (" + marks(ids.size()) + ") lock in share mode",
                this::materialRow, args.toArray());
        // in the order asked
        List<Material> ordered = new ArrayList<>();
        for (Long id : ids) {
            found.stream().filter(m -> m.id() == id).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    @Override
    public List<Material> listMaterials(Material.Status status, Material.Kind kind, long before, int limit) {
        StringBuilder sql = new StringBuilder("select * from tp_material where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant()));
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (kind != null) {
            sql.append(" and kind = ?");
            args.add(kind.name());
        }
        if (before > 0) {
            sql.append(" and id < ?");
            args.add(before);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::materialRow, args.toArray());
    }

    @Override
    public boolean archiveMaterial(long id, Instant now) {
        return jdbc.update("update tp_material set status = 'ARCHIVED', version = version + 1, updated_at = ? where tenant_id = ? and id = ?"
                + " and status = 'ACTIVE'", ts(now), tenant(), id) == 1;
    }

    @Override
    public List<Long> scriptsUsing(long materialId) {
        // a locking read: it sees scripts committed while this transaction waited for the material's row
        return jdbc.queryForList("select id from tp_script where tenant_id = ? and status = 'ACTIVE' and find_in_set(?, material_ids) > 0"
                + " order by id lock in share mode", Long.class, tenant(), Long.toString(materialId));
    }

    @Override
    public long insertScript(Script s, Instant now) {
        return insert("insert into tp_script (tenant_id, scene, title, text, material_ids, status, version, created_by, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, 'ACTIVE', 1, ?, ?, ?)", s.title(), tenant(), s.scene().name(), s.title(), s.text(), ids(s.materialIds()),
                s.createdBy(), ts(now), ts(now));
    }

    @Override
    public boolean updateScript(Script s, int version, Instant now) {
        try {
            return jdbc.update("update tp_script set scene = ?, title = ?, text = ?, material_ids = ?, version = version + 1, updated_at = ?"
                    + " where tenant_id = ? and id = ? and version = ? and status = 'ACTIVE'", s.scene().name(), s.title(), s.text(), ids(s.materialIds()),
                    ts(now), tenant(), s.id(), version) == 1;
        } catch (DuplicateKeyException e) {
            throw titleTaken(s.title());
        }
    }

    @Override
    public Optional<Script> script(long id) {
        return jdbc.query("select * from tp_script where tenant_id = ? and id = ?", this::scriptRow, tenant(), id).stream().findFirst();
    }

    @Override
    public List<Script> listScripts(Material.Status status, Script.Scene scene, String search, long before, int limit) {
        StringBuilder sql = new StringBuilder("select * from tp_script where tenant_id = ?");
        List<Object> args = new ArrayList<>(List.of(tenant()));
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.name());
        }
        if (scene != null) {
            sql.append(" and scene = ?");
            args.add(scene.name());
        }
        if (search != null && !search.isBlank()) {
            // a literal search: the user's % and _ match themselves
            String literal = "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (title like ? or text like ?)");
            args.add(literal);
            args.add(literal);
        }
        if (before > 0) {
            sql.append(" and id < ?");
            args.add(before);
        }
        sql.append(" order by id desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), this::scriptRow, args.toArray());
    }

    @Override
    public boolean archiveScript(long id, Instant now) {
        return jdbc.update("update tp_script set status = 'ARCHIVED', version = version + 1, updated_at = ? where tenant_id = ? and id = ?"
                + " and status = 'ACTIVE'", ts(now), tenant(), id) == 1;
    }

    private long insert(String sql, String title, Object... args) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(c -> {
                PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS);
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw titleTaken(title);
        }
        return key.getKey().longValue();
    }

    private static DomainException titleTaken(String title) {
        return new DomainException(HttpStatus.CONFLICT, "CONTENT_TITLE_TAKEN", "The library has one titled '" + title + "' already");
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static String ids(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private Material materialRow(ResultSet rs, int n) throws SQLException {
        return new Material(rs.getLong("id"), Material.Kind.valueOf(rs.getString("kind")), rs.getString("title"), rs.getString("body"), rs.getString("url"),
                rs.getString("page"), rs.getString("thumb_url"), Material.Status.valueOf(rs.getString("status")), rs.getInt("version"),
                rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }

    private Script scriptRow(ResultSet rs, int n) throws SQLException {
        String ids = rs.getString("material_ids");
        return new Script(rs.getLong("id"), Script.Scene.valueOf(rs.getString("scene")), rs.getString("title"), rs.getString("text"),
                ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList(), Material.Status.valueOf(rs.getString("status")),
                rs.getInt("version"), rs.getLong("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
