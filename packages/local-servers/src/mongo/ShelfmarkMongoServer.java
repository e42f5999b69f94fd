import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Constants;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;

/**
 * Runs mongo-java-server's in-memory backend on 127.0.0.1 for Shelfmark's MongoDB test suites.
 *
 * <p>Usage: {@code java ShelfmarkMongoServer <port>} (0 picks a free one). Prints {@code LISTENING
 * <port>} once it accepts connections, then runs until it is killed or its standard input closes
 * (so a test run that dies never leaves a server behind).
 *
 * <p>The reported version is pinned to {@code MONGO_5_0} (1.47.0's default): it answers
 * {@code maxWireVersion: 8}, exactly the minimum the Node.js driver 6.x accepts (MongoDB 4.2). The
 * older {@code MONGO_4_0} (wire version 7) and {@code MONGO_3_6} (6) are refused by the driver.
 *
 * <p>The backend is the in-memory one, with its queries narrowed by indexes as MongoDB narrows them
 * ({@link IdFirstCollection}): by the {@code _id} index whatever else a query names, and by
 * secondary indexes, which mongo-java-server otherwise accepts and ignores.
 */
public final class ShelfmarkMongoServer {
  private ShelfmarkMongoServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    MemoryBackend backend = new IdFirstBackend();
    backend.version(ServerVersion.MONGO_5_0);
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
    System.out.println("LISTENING " + server.getLocalAddress().getPort());
    System.out.flush();
    while (System.in.read() != -1) {
      // Nothing is read from the parent: end of input means the parent is gone.
    }
    System.exit(0);
  }

  /** The in-memory backend whose collections are {@link IdFirstCollection}s. */
  static final class IdFirstBackend extends MemoryBackend {
    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
      return new IdFirstDatabase(databaseName, getCursorRegistry());
    }
  }

  static final class IdFirstDatabase extends MemoryDatabase {
    IdFirstDatabase(String databaseName, CursorRegistry cursorRegistry) {
      super(databaseName, cursorRegistry);
    }

    @Override
    protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
      return new IdFirstCollection(this, collectionName, options, cursorRegistry);
    }

    /** mongo-java-server keeps no secondary index (an empty placeholder); this one narrows queries. */
    @Override
    protected Index<Integer> openOrCreateSecondaryIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      return new FirstFieldIndex(indexName, keys, Constants.ID_FIELD);
    }
  }

  /**
   * mongo-java-server uses an index only for a query on exactly that index's fields, and keeps no
   * index but the unique ones: a query on {@code _id} and anything else ({@code {_id, version}},
   * the optimistic lock every aggregate is written under), or on an indexed field ({@code bookId},
   * {@code memberId}, {@code hasOutbox}), scanned and matched every document of the collection, so
   * each write and each lookup cost as much as the collection was large. MongoDB reads the
   * documents an index names and matches the rest of the query on them; so does this collection:
   * the {@code _id} index for a query naming one {@code _id}, else a {@link FirstFieldIndex} for a
   * query naming one value of an index's first field, else, for a top-level {@code $or} whose every
   * branch is narrowed so, the union of theirs. The answer is the same: every candidate is matched
   * against the whole query, and a document the index does not name cannot match (see
   * {@link FirstFieldIndex#valuesOf}). Candidates come in storage order, the order a scan visits.
   */
  static final class IdFirstCollection extends MemoryCollection {
    private Index<Integer> idIndex;
    private final Map<String, FirstFieldIndex> byFirstField = new HashMap<>();

    IdFirstCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
      super(database, name, options, cursors);
    }

    @Override
    public synchronized void addIndex(Index<Integer> index) {
      super.addIndex(index);
      // The primary key's index is the collection's first (its creation adds it).
      boolean onIdAlone = index.getKeys().size() == 1 && index.getKeys().get(0).getKey().equals(getIdField());
      if (idIndex == null && onIdAlone && index.isUnique()) idIndex = index;
      if (index instanceof FirstFieldIndex) byFirstField.putIfAbsent(((FirstFieldIndex) index).field, (FirstFieldIndex) index);
    }

    /**
     * Under the collection's lock, as its writes are (a count is not otherwise): the candidates are
     * an index's own set, read in place.
     */
    @Override
    protected synchronized QueryResult queryDocuments(
        Document query, Document orderBy, int numberToSkip, int limit, int batchSize, Document fieldSelector) {
      Collection<Integer> positions = candidates(query);
      if (positions == null) return super.queryDocuments(query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
      return matchDocuments(query, positions, orderBy, numberToSkip, limit, batchSize, fieldSelector);
    }

    /** The positions of the documents an index says may match, in storage order; null: scan them all. */
    private Collection<Integer> candidates(Document query) {
      Object id = query.get(getIdField());
      if (idIndex != null && (id instanceof String || id instanceof ObjectId)) {
        List<Integer> positions = new ArrayList<>();
        idIndex.getPositions(new Document(getIdField(), id)).forEach(positions::add);
        return positions;
      }
      Collection<Integer> best = null;
      for (Map.Entry<String, Object> condition : query.entrySet()) {
        FirstFieldIndex index = byFirstField.get(condition.getKey());
        Collection<Integer> positions = index == null ? null : index.positionsOf(condition.getValue());
        if (positions != null && (best == null || positions.size() < best.size())) best = positions;
      }
      if (best != null || !(query.get("$or") instanceof List)) return best;
      TreeSet<Integer> union = new TreeSet<>();
      for (Object branch : (List<?>) query.get("$or")) {
        Collection<Integer> positions = branch instanceof Document ? candidates((Document) branch) : null;
        if (positions == null) return null;
        union.addAll(positions);
      }
      return union;
    }
  }

  /**
   * A secondary index over the first field of its keys, for {@link IdFirstCollection} to narrow a
   * query with: the positions of the documents holding each string or boolean value there (a
   * top-level field, or every such element of an array in it, as MongoDB indexes arrays). Only
   * such values are looked up: MongoDB's equality on a string or a boolean matches exactly those
   * documents. It never answers a query alone ({@link #canHandle} is false), so the collection
   * always matches the whole query on what it names. Sparse, as the backend's placeholder for
   * secondary indexes was, so an index created again by a restarted client is the same index.
   */
  static final class FirstFieldIndex extends Index<Integer> {
    final String field;
    private final String idField;
    private final Map<Object, TreeSet<Integer>> positions = new HashMap<>();
    /** Where each indexed document is, by its id: `remove` is given the document alone. */
    private final Map<Object, Integer> positionById = new HashMap<>();

    FirstFieldIndex(String name, List<IndexKey> keys, String idField) {
      super(name, keys, true);
      this.field = keys.get(0).getKey();
      this.idField = idField;
    }

    /** The values `document` is indexed under; none for a field in a sub-document (not narrowed). */
    private List<Object> valuesOf(Document document) {
      if (field.contains(".")) return List.of();
      Object value = document.get(field);
      if (isLookedUp(value)) return List.of(value);
      if (!(value instanceof Collection)) return List.of();
      List<Object> values = new ArrayList<>();
      for (Object element : (Collection<?>) value) if (isLookedUp(element)) values.add(element);
      return values;
    }

    private static boolean isLookedUp(Object value) {
      return value instanceof String || value instanceof Boolean;
    }

    /** The positions holding `value`, in storage order, or null when this index cannot tell. */
    Collection<Integer> positionsOf(Object value) {
      if (!isLookedUp(value) || field.contains(".")) return null;
      TreeSet<Integer> found = positions.get(value);
      return found == null ? Collections.emptySet() : Collections.unmodifiableSet(found);
    }

    @Override
    public void add(Document document, Integer position, MongoCollection<Integer> collection) {
      List<Object> values = valuesOf(document);
      if (values.isEmpty()) return;
      positionById.put(document.get(idField), position);
      for (Object value : values) positions.computeIfAbsent(value, key -> new TreeSet<>()).add(position);
    }

    @Override
    public Integer remove(Document document) {
      Integer position = positionById.remove(document.get(idField));
      if (position != null) unindex(document, position);
      // Sparse: the collection takes the position from its _id index.
      return null;
    }

    @Override
    public void updateInPlace(
        Document oldDocument, Document newDocument, Integer position, MongoCollection<Integer> collection) {
      positionById.remove(oldDocument.get(idField));
      unindex(oldDocument, position);
      add(newDocument, position, collection);
    }

    private void unindex(Document document, Integer position) {
      for (Object value : valuesOf(document)) {
        TreeSet<Integer> at = positions.get(value);
        if (at == null) continue;
        at.remove(position);
        if (at.isEmpty()) positions.remove(value);
      }
    }

    @Override
    public long getCount() {
      return positionById.size();
    }

    @Override
    public void drop() {
      positions.clear();
      positionById.clear();
    }

    @Override
    public Integer getPosition(Document document) {
      return null;
    }

    @Override
    public void checkAdd(Document document, MongoCollection<Integer> collection) {
      // Not unique: nothing to refuse.
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<Integer> collection) {
      // Not unique: nothing to refuse.
    }

    @Override
    public boolean canHandle(Document query) {
      return false;
    }

    @Override
    public Iterable<Integer> getPositions(Document query) {
      throw new UnsupportedOperationException("FirstFieldIndex only narrows queries for IdFirstCollection");
    }

    @Override
    public long getDataSize() {
      return 0;
    }
  }
}
