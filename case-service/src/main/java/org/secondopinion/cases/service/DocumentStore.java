package org.secondopinion.cases.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where document contents live. PostgreSQL by default ({@link PostgresDocumentStore}); object storage
 * could implement the same. Implementations stream: neither method holds a whole document in memory.
 * Writes and deletes join the caller's transaction where the store is transactional.
 */
public interface DocumentStore {

    /** Stores the content read from {@code content} under {@code id}; returns how many bytes were stored. */
    long write(UUID id, InputStream content) throws IOException;

    /** Copies the content stored under {@code id} to {@code out}. */
    void read(UUID id, OutputStream out) throws IOException;

    void delete(UUID id);
}
