package org.secondopinion.platform.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * The one way to run SQL that JPQL cannot say (PostgreSQL functions and locks, arrays, distance
 * ranking): on the current transaction's own JDBC connection, so it commits or rolls back with
 * everything else the transaction does.
 *
 * <p>Why not {@code EntityManager.createNativeQuery} for selects: Hibernate ORM 7.2 keys its query plan
 * cache for a native select on a result-set mapping that it fills in while executing the query. Every
 * execution therefore adds a cache entry that no later lookup finds, all in one hash bucket, until the
 * bounded cache (shared with the JPQL plans, which it then evicts) is full of them; from then on every
 * query scans that bucket. Measured in case-service: 18 % of its CPU. A job that runs every second
 * fills the cache in half an hour. Native updates and deletes are keyed on their SQL alone and are not
 * affected, but go through here too, for one way of doing it.
 *
 * <p>The SQL runs against what the database holds: Hibernate does not flush pending entity changes
 * first; call {@code flush()} before when the statement must see this transaction's own changes.
 * Parameters are positional ({@code ?}); {@link Instant} binds as {@code timestamptz},
 * {@link LocalDate} as {@code date}, a {@code String[]}, {@code UUID[]} or {@code Long[]} as a PostgreSQL array, a
 * null as an untyped null. An array that is the only parameter must be cast to {@code Object}
 * ({@code sql.update(..., (Object) ids)}): otherwise Java spreads it into the parameters.
 */
@ApplicationScoped
public class Sql {

    /** Maps the current row of a result set. */
    @FunctionalInterface
    public interface Row<T> {
        T map(ResultSet row) throws SQLException;
    }

    @Inject
    EntityManager entityManager;

    /** Every row the query answers. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    List<T> rows = new ArrayList<>();
                    while (result.next()) {
                        rows.add(row.map(result));
                    }
                    return rows;
                }
            }
        });
    }

    /** The first row the query answers, if any. */
    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                statement.setMaxRows(1);
                try (ResultSet result = statement.executeQuery()) {
                    return result.next() ? Optional.ofNullable(row.map(result)) : Optional.empty();
                }
            }
        });
    }

    /** Runs an insert, update, delete or other statement; answers the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(connection, statement, parameters);
                return statement.executeUpdate();
            }
        });
    }

    /** A nullable UUID column. */
    public static UUID uuid(ResultSet row, String column) throws SQLException {
        return row.getObject(column, UUID.class);
    }

    /** A nullable timestamptz column. */
    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void bind(Connection connection, PreparedStatement statement, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            int index = i + 1;
            switch (parameters[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case Instant instant -> statement.setObject(index, instant.atOffset(ZoneOffset.UTC));
                case LocalDate date -> statement.setObject(index, date);
                case String[] strings -> statement.setArray(index, array(connection, "text", strings));
                case UUID[] uuids -> statement.setArray(index, array(connection, "uuid", uuids));
                case Long[] longs -> statement.setArray(index, array(connection, "bigint", longs));
                case Collection<?> collection -> throw new IllegalArgumentException(
                        "Bind a collection as an array (String[], UUID[] or Long[]), parameter " + index);
                case Enum<?> value -> statement.setString(index, value.name());
                default -> statement.setObject(index, parameters[i]);
            }
        }
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
