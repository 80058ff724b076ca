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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;
import org.postgresql.util.PSQLException;

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

    private static final Logger LOG = Logger.getLogger(Sql.class);

    /** The key of a transaction's {@link Work}. */
    private static final Object WORK = new Object();

    private static final String COMMITTED = "The transaction was committed with its last statement (commitWith):"
            + " nothing can follow it";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Every row the query answers. */
    public <T> List<T> list(String sql, Row<T> row, Object... parameters) {
        return run(sql, parameters, 0, false, result -> {
            List<T> rows = new ArrayList<>();
            while (result.next()) {
                rows.add(row.map(result));
            }
            return rows;
        });
    }

    /** The first row the query answers, if any. */
    public <T> Optional<T> first(String sql, Row<T> row, Object... parameters) {
        return run(sql, parameters, 1, false,
                result -> result.next() ? Optional.ofNullable(row.map(result)) : Optional.empty());
    }

    /** Runs an insert, update, delete or other statement; answers the number of rows it changed. */
    public int update(String sql, Object... parameters) {
        return run(sql, parameters, 0, false, null);
    }

    /**
     * Runs the transaction's last statement and commits the transaction in the same round trip, with its
     * deferred inserts: PostgreSQL's driver then finds the transaction already ended, and the transaction
     * manager's commit costs nothing. The deferred inserts become data-modifying WITH queries of the
     * statement (which must be an insert, update, delete, select or non-recursive WITH query to take them;
     * otherwise they go as statements of their own before it), so the database runs one statement for all of
     * them: the statement does not see their rows. A request that changes one thing then writes in one round
     * trip instead of two: every round trip saved is CPU saved on both ends of the connection (case-service's
     * create and submit). If the statement or the commit fails, nothing of the transaction is kept and the
     * failure is thrown as from {@link #update}; the transaction manager then rolls back as usual.
     *
     * <p>Nothing may follow it in the transaction: a later statement or deferred insert through this class
     * throws {@link IllegalStateException}, and the caller must only return. Use it only where this class does
     * all of the transaction's writing: a Hibernate flush at the commit would land in a transaction of its own.
     * A transaction that is rolled back after this statement (the caller threw) keeps its changes, which is
     * logged as an error. The caller learns nothing from the statement but that it succeeded: a condition
     * that must hold for the transaction to commit belongs in the statement, raising an error when it fails.
     */
    public void commitWith(String sql, Object... parameters) {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("commitWith needs an active transaction");
        }
        run(sql, parameters, 0, true, null);
        work(true).committed = true;
    }

    /**
     * Runs an insert later in the current transaction, which must exist: in the same round trip to the
     * database as the transaction's next statement through this class, or just before the transaction
     * commits, whichever comes first. For rows the transaction never reads back and nothing in it depends
     * on (audit records, outbox events): every round trip saved is CPU saved on both ends of the
     * connection, and when such a row is written before the request's main change it costs none. A failure
     * surfaces with the statement it was sent with, or at commit, and rolls the transaction back either way.
     * Hibernate does not see deferred rows before they are sent: read them through this class. A statement
     * sent with {@link #commitWith} takes them as parts of itself and does not see their rows either.
     */
    public void defer(String sql, Object... parameters) {
        Work work = work(true);
        if (work.committed) {
            throw new IllegalStateException(COMMITTED);
        }
        work.add(sql, parameters);
    }

    /** The current transaction's work through this class; created (and registered with the transaction) on demand. */
    private Work work(boolean create) {
        Work work = (Work) transactions.getResource(WORK);
        if (work == null && create) {
            work = new Work();
            transactions.putResource(WORK, work);
            transactions.registerInterposedSynchronization(work);
        }
        return work;
    }

    /**
     * A transaction's statements deferred and not sent yet, with their parameters, and whether it committed
     * with its last statement.
     */
    private final class Work implements Synchronization {
        private final List<String> statements = new ArrayList<>();
        private final List<Object> parameters = new ArrayList<>();
        private boolean committed;

        void add(String statement, Object[] values) {
            statements.add(statement);
            parameters.addAll(Arrays.asList(values));
        }

        boolean isEmpty() {
            return statements.isEmpty();
        }

        void clear() {
            statements.clear();
            parameters.clear();
        }

        @Override
        public void beforeCompletion() {
            if (!isEmpty()) {
                if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
                    throw new IllegalStateException("Deferred statements outside an active transaction");
                }
                run(null, new Object[0], 0, false, null);
            }
        }

        @Override
        public void afterCompletion(int status) {
            if (committed && status != Status.STATUS_COMMITTED) {
                LOG.errorf("A transaction that committed with its last statement (commitWith) then ended with"
                        + " status %d: its changes were kept. Nothing may fail after that statement.", status);
            }
        }
    }

    /** Reads the statement's result set. */
    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet result) throws SQLException;
    }

    /**
     * Runs {@code sql} (null: only what is deferred) after the transaction's deferred statements, and then
     * a commit if {@code commit}, all in one round trip: PostgreSQL's driver sends the statements of one text
     * together and answers their results in order. Answers the result set read by {@code rows}, or the update
     * count when {@code rows} is null.
     */
    @SuppressWarnings("unchecked")
    private <T> T run(String sql, Object[] parameters, int maxRows, boolean commit, Rows<T> rows) {
        Work work = transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? null : work(false);
        if (work != null && work.committed) {
            throw new IllegalStateException(COMMITTED);
        }
        String text = sql;
        Object[] values = parameters;
        int before = 0;
        if (work != null && !work.isEmpty()) {
            String merged = commit ? withDeferred(work.statements, sql) : null;
            String deferred = String.join(";\n", work.statements);
            text = merged != null ? merged : sql == null ? deferred : deferred + ";\n" + sql;
            List<Object> all = new ArrayList<>(work.parameters);
            all.addAll(Arrays.asList(parameters));
            values = all.toArray();
            before = merged != null ? 0 : sql == null ? work.statements.size() - 1 : work.statements.size();
            work.clear();
        }
        if (commit) {
            text += ";\ncommit";
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

    /** A statement that can take data-modifying WITH queries in front, or add them to its own. */
    private static final Pattern MERGEABLE = Pattern.compile(
            "(?is)\\s*(?:(with)\\s+(?!recursive\\b)|(?:insert|update|delete|select)\\b)");

    /**
     * The deferred inserts as data-modifying WITH queries of {@code last}, so that the database runs one
     * statement instead of several; null when {@code last} cannot take them.
     */
    private static String withDeferred(List<String> deferred, String last) {
        Matcher start = MERGEABLE.matcher(last);
        if (!start.lookingAt()) {
            return null;
        }
        StringBuilder text = new StringBuilder("with ");
        for (int i = 0; i < deferred.size(); i++) {
            text.append(i == 0 ? "" : ",\n").append("deferred_").append(i + 1).append(" as (").append(deferred.get(i))
                    .append(')');
        }
        return start.group(1) != null ? text.append(",\n").append(last, start.end(), last.length()).toString()
                : text.append('\n').append(last).toString();
    }

    /**
     * Whether {@code e}, thrown by this class, is the violation of the named unique, foreign-key or check
     * constraint (and not of another).
     */
    public static boolean violated(RuntimeException e, String constraint) {
        return e instanceof PersistenceException && e.getCause() instanceof PSQLException cause
                && cause.getServerErrorMessage() != null && constraint.equals(cause.getServerErrorMessage().getConstraint());
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
