package org.secondopinion.platform.persistence;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way to run SQL that JPQL cannot say (PostgreSQL functions and locks, arrays, distance
 * ranking), and the busiest writes: on the current transaction's own JDBC connection (the pool hands a
 * transaction the connection it enlisted, the one Hibernate uses too), so it commits or rolls back with
 * everything else the transaction does. It takes the connection from the pool rather than through
 * Hibernate's session: a transaction that only runs SQL then never opens a session (opening one and
 * handing the work through it was a twentieth of case-service's request threads' time).
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

    /** The key of a transaction's deferred statements. */
    private static final Object DEFERRED = new Object();

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Every row the query answers. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return run(sql, parameters, 0, result -> {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(row.map(result));
            }
            return rows;
        });
    }

    /** The first row the query answers, if any. */
    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return run(sql, parameters, 1, result -> result.next() ? Optional.ofNullable(row.map(result)) : Optional.empty());
    }

    /** Runs an insert, update, delete or other statement; answers the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, parameters, 0, null);
    }

    /**
     * Runs an insert later in the current transaction, which must exist: in the same round trip to the
     * database as the transaction's next statement through this class, or just before the transaction
     * commits, whichever comes first. For rows the transaction never reads back and nothing in it depends
     * on (audit records, outbox events): every round trip saved is CPU saved on both ends of the
     * connection, and when such a row is written before the request's main change it costs none. A failure
     * surfaces with the statement it was sent with, or at commit, and rolls the transaction back either way.
     * Hibernate does not see deferred rows before they are sent: read them through this class.
     */
    public void defer(String sql, Object... parameters) {
        Deferred deferred = (Deferred) transactions.getResource(DEFERRED);
        if (deferred == null) {
            deferred = new Deferred();
            transactions.putResource(DEFERRED, deferred);
            Deferred registered = deferred;
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    if (!registered.isEmpty()) {
                        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                            throw new IllegalStateException("Deferred statements outside an active transaction");
                        }
                        run(null, new Object[0], 0, null);
                    }
                }

                @Override
                public void afterCompletion(int status) {
                }
            });
        }
        deferred.add(sql, parameters);
    }

    /** Statements deferred in a transaction and not sent yet, with their parameters. */
    private static final class Deferred {
        private final StringBuilder sql = new StringBuilder();
        private final List<Object> parameters = new ArrayList<>();
        private int count;

        void add(String statement, Object[] values) {
            sql.append(count == 0 ? "" : ";\n").append(statement);
            parameters.addAll(Arrays.asList(values));
            count++;
        }

        boolean isEmpty() {
            return count == 0;
        }

        void clear() {
            sql.setLength(0);
            parameters.clear();
            count = 0;
        }
    }

    /** Reads the statement's result set. */
    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet result) throws SQLException;
    }

    /**
     * Runs {@code sql} (null: only what is deferred) after the transaction's deferred statements, all in one
     * round trip: PostgreSQL's driver sends the statements of one text together and answers their results
     * in order. Answers the result set read by {@code rows}, or the update count when {@code rows} is null.
     */
    @SuppressWarnings("unchecked")
    private <T> T run(String sql, Object[] parameters, int maxRows, Rows<T> rows) {
        Deferred deferred = transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? null
                : (Deferred) transactions.getResource(DEFERRED);
        String text = sql;
        Object[] values = parameters;
        int before = 0;
        if (deferred != null && !deferred.isEmpty()) {
            text = sql == null ? deferred.sql.toString() : deferred.sql + ";\n" + sql;
            List<Object> all = new ArrayList<>(deferred.parameters);
            all.addAll(Arrays.asList(parameters));
            values = all.toArray();
            before = sql == null ? deferred.count - 1 : deferred.count;
            deferred.clear();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(text)) {
            bind(connection, statement, values);
            statement.setMaxRows(maxRows);
            statement.execute();
            for (int i = 0; i < before; i++) {
                statement.getMoreResults();
            }
            if (rows == null) {
                return (T) Integer.valueOf(statement.getUpdateCount());
            }
            try (ResultSet result = statement.getResultSet()) {
                return rows.read(result);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
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

    /**
     * A failed statement, unchecked. The message names no value: the database's own message can quote the
     * data (a duplicate key's value), and exception messages reach logs. The SQL state stays on the cause.
     */
    private static PersistenceException failed(SQLException e) {
        return new PersistenceException("SQL statement failed (SQL state " + e.getSQLState() + ")", e);
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
