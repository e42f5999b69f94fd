import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

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
 */
public final class ShelfmarkMongoServer {
  private ShelfmarkMongoServer() {}

  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    MemoryBackend backend = new MemoryBackend();
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
}
