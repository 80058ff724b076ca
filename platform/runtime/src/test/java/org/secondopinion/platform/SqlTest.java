package org.secondopinion.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secondopinion.platform.WiringTestSupport.count;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.secondopinion.platform.persistence.Sql;
import org.secondopinion.platform.testing.PlatformTestResources;

/**
 * Deferred statements: written with the transaction's next statement or before its commit, and only if it
 * commits. A transaction's last statement can carry its commit.
 */
@QuarkusTest
@WithTestResource(value = PlatformTestResources.class, scope = TestResourceScope.GLOBAL)
class SqlTest {

    private static final String INSERT = "insert into probe_note (id, owner, text, version) values (?, ?, ?, 0)";

    @Inject
    Sql sql;

    @Test
    void aDeferredInsertIsWrittenWithTheTransactionsNextStatement() throws Exception {
        String owner = "sql-next-" + UUID.randomUUID();
        long[] seen = new long[3];
        QuarkusTransaction.requiringNew().run(() -> {
            sql.defer(INSERT, UUID.randomUUID(), owner, "deferred");
            seen[0] = notes(owner);
            sql.defer(INSERT, UUID.randomUUID(), owner, "first of two");
            sql.defer(INSERT, UUID.randomUUID(), owner, "second of two");
            seen[1] = sql.update("update probe_note set version = version + 1 where owner = ?", owner);
            seen[2] = notes(owner);
        });
        assertEquals(1, seen[0], "the read that followed the deferred insert saw its row");
        assertEquals(3, seen[1], "an update after two more deferred inserts counts its own rows, all three");
        assertEquals(3, seen[2]);
        assertEquals(3, count("select count(*) from probe_note where owner = ? and version = 1", owner));
    }

    @Test
    void aDeferredInsertLeftAtTheEndIsWrittenBeforeTheCommit() throws Exception {
        String owner = "sql-end-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.update(INSERT, UUID.randomUUID(), owner, "at once");
            sql.defer(INSERT, UUID.randomUUID(), owner, "at the end");
        });
        assertEquals(2, stored(owner));
    }

    @Test
    void aRolledBackTransactionWritesNoneOfItsDeferredInserts() throws Exception {
        String owner = "sql-rollback-" + UUID.randomUUID();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            sql.defer(INSERT, UUID.randomUUID(), owner, "sent with the next statement");
            notes(owner);
            sql.defer(INSERT, UUID.randomUUID(), owner, "never sent");
            throw new IllegalStateException("the request fails");
        }));
        assertEquals(0, stored(owner));
    }

    @Test
    void aFailingDeferredInsertFailsTheCommitAndKeepsNothing() throws Exception {
        String owner = "sql-failing-" + UUID.randomUUID();
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            sql.update(INSERT, UUID.randomUUID(), owner, "written at once");
            sql.defer(INSERT, UUID.randomUUID(), owner, null); // text is not null
        }));
        assertEquals(0, stored(owner));
    }

    @Test
    void aStatementThatCommitsIsCommittedWithItsDeferredInsertsBeforeTheTransactionEnds() throws Exception {
        String owner = "sql-commit-" + UUID.randomUUID();
        long[] seenElsewhere = new long[1];
        QuarkusTransaction.requiringNew().run(() -> {
            sql.defer(INSERT, UUID.randomUUID(), owner, "deferred");
            sql.commitWith(INSERT, UUID.randomUUID(), owner, "last");
            // Another connection sees both rows while the transaction manager has not committed yet.
            seenElsewhere[0] = stored(owner);
        });
        assertEquals(2, seenElsewhere[0], "the rows were committed with the last statement");
        assertEquals(2, stored(owner));
    }

    @Test
    void aStatementThatCommitsTakesItsDeferredInsertsAsPartsOfItself() throws Exception {
        String owner = "sql-commit-with-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.defer(INSERT, UUID.randomUUID(), owner, "first deferred");
            sql.defer(INSERT, UUID.randomUUID(), owner, "second deferred");
            // A statement with WITH queries of its own gets the deferred inserts added to them; it does not see their rows.
            sql.commitWith("with earlier as (select count(*) as n from probe_note where owner = ?)"
                    + " insert into probe_note (id, owner, text, version) select ?, ?, 'last', n from earlier",
                    owner, UUID.randomUUID(), owner);
        });
        assertEquals(3, stored(owner));
        assertEquals(0, count("select version from probe_note where owner = ? and text = 'last'", owner),
                "the last statement ran as one with the deferred inserts, so it did not see their rows");
    }

    @Test
    void nothingCanFollowTheStatementThatCommits() throws Exception {
        String owner = "sql-after-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            sql.commitWith(INSERT, UUID.randomUUID(), owner, "last");
            assertThrows(IllegalStateException.class, () -> sql.update(INSERT, UUID.randomUUID(), owner, "too late"));
            assertThrows(IllegalStateException.class, () -> sql.defer(INSERT, UUID.randomUUID(), owner, "too late"));
            assertThrows(IllegalStateException.class, () -> notes(owner));
        });
        assertEquals(1, stored(owner));
    }

    @Test
    void aStatementThatFailsToCommitKeepsNothingOfItsTransaction() throws Exception {
        String owner = "sql-commit-fails-" + UUID.randomUUID();
        UUID id = UUID.randomUUID();
        RuntimeException failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            sql.update(INSERT, UUID.randomUUID(), owner, "written at once");
            sql.defer(INSERT, id, owner, "deferred");
            sql.commitWith(INSERT, id, owner, "the same id again");
        }));
        assertTrue(Sql.violated(failure, "probe_note_pkey"), "the failure names the violated constraint");
        assertFalse(Sql.violated(failure, "another_constraint"));
        assertEquals(0, stored(owner));
    }

    /** The owner's rows as another connection sees them. */
    private static long stored(String owner) {
        try {
            return count("select count(*) from probe_note where owner = ?", owner);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long notes(String owner) {
        return sql.first("select count(*) from probe_note where owner = ?", row -> row.getLong(1), owner).orElseThrow();
    }
}
