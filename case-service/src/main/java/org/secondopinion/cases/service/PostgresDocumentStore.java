package org.secondopinion.cases.service;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import org.secondopinion.cases.config.CaseConfig;
import org.secondopinion.platform.persistence.Sql;

/**
 * Documents in PostgreSQL, in chunks of {@code smo.cases.documents.chunk-bytes}: an upload is written
 * chunk by chunk and a download read chunk by chunk, so memory stays bounded by one chunk whatever the
 * document's size. It uses the transaction's JDBC connection (the data source hands the same one out
 * within a transaction), so the content commits with its metadata.
 */
@ApplicationScoped
public class PostgresDocumentStore implements DocumentStore {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Sql sql;

    @Inject
    CaseConfig config;

    @Override
    public long write(UUID id, InputStream content) {
        int chunkSize = config.documents().chunkBytes();
        long total = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into document_chunk (document_id, seq, data) values (?, ?, ?)")) {
            byte[] buffer = new byte[chunkSize];
            int seq = 0;
            while (true) {
                int filled = content.readNBytes(buffer, 0, chunkSize);
                if (filled == 0) {
                    break;
                }
                insert.setObject(1, id);
                insert.setInt(2, seq++);
                insert.setBytes(3, filled == chunkSize ? buffer : Arrays.copyOf(buffer, filled));
                insert.executeUpdate();
                total += filled;
                if (filled < chunkSize) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new PersistenceException("Could not store a document's content (SQL state " + e.getSQLState() + ")", e);
        }
        return total;
    }

    @Override
    public void read(UUID id, OutputStream out) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "select data from document_chunk where document_id = ? and seq = ?")) {
            for (int seq = 0; ; seq++) {
                select.setObject(1, id);
                select.setInt(2, seq);
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return;
                    }
                    out.write(row.getBytes(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new PersistenceException("Could not read a document's content (SQL state " + e.getSQLState() + ")", e);
        }
    }

    @Override
    public void delete(UUID id) {
        sql.update("delete from document_chunk where document_id = ?", id);
    }
}
