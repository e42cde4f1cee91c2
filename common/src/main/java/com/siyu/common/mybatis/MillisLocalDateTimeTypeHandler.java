package com.siyu.common.mybatis;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * Binds {@link LocalDateTime} with its milliseconds. MariaDB announces itself as {@code 5.5.5-10.11.x},
 * and Connector/J takes that for a server without fractional seconds and drops them from every
 * timestamp parameter (verified with 9.5, 9.7 and 26.10): a {@code DATETIME(3)} column then only ever
 * holds {@code .000}. Sent as text, MariaDB stores the milliseconds. Values are read back as usual.
 */
public class MillisLocalDateTimeTypeHandler extends BaseTypeHandler<LocalDateTime> {

    static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** The text a DATETIME(3) parameter is bound as. */
    public static String text(LocalDateTime value) {
        return MILLIS.format(value);
    }

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, LocalDateTime value, JdbcType jdbcType) throws SQLException {
        statement.setString(index, text(value));
    }

    @Override
    public LocalDateTime getNullableResult(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDateTime.class);
    }

    @Override
    public LocalDateTime getNullableResult(ResultSet rs, int index) throws SQLException {
        return rs.getObject(index, LocalDateTime.class);
    }

    @Override
    public LocalDateTime getNullableResult(CallableStatement cs, int index) throws SQLException {
        return cs.getObject(index, LocalDateTime.class);
    }

    /** For plain JDBC: an instant as the UTC DATETIME(3) text (the services' sessions run in UTC). */
    public static String utcText(java.time.Instant instant) {
        return text(LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
    }
}
