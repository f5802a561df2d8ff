package samizdat.ingest;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal SOCKS5 server on 127.0.0.1 for tests (RFC 1928: no authentication, CONNECT only). It
 * records what each CONNECT asked for (address type and host) and relays to loopback only: a host
 * name it was told to map ({@link #map}), localhost or a loopback address. Anything else is answered "host
 * unreachable", so no test traffic ever leaves the machine.
 */
public final class TestSocksProxy implements AutoCloseable {
  /** One CONNECT: address type (1 IPv4, 3 domain name, 4 IPv6), host as sent, port. */
  public record Connect(int addressType, String host, int port) {}

  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "test-socks");
    t.setDaemon(true);
    return t;
  });
  private final Map<String, Integer> names = new ConcurrentHashMap<>();
  private final List<Socket> open = new CopyOnWriteArrayList<>();
  private volatile int acceptsLeft = -1;
  /** Every CONNECT, in order. */
  public final List<Connect> connects = new CopyOnWriteArrayList<>();

  public TestSocksProxy() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    pool.submit(this::acceptLoop);
  }

  public int port() {
    return server.getLocalPort();
  }

  /** A CONNECT to {@code name} (any port) goes to 127.0.0.1:{@code port}. */
  public TestSocksProxy map(String name, int port) {
    names.put(name, port);
    return this;
  }

  /**
   * After {@code n} more connections the proxy stops listening, as a proxy that goes down while
   * a run is on: the connections it has keep working, new ones are refused.
   */
  public TestSocksProxy acceptOnly(int n) {
    acceptsLeft = n;
    return this;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        if (--acceptsLeft == 0) {
          server.close();
        }
        open.add(s);
        pool.submit(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      DataInputStream in = new DataInputStream(client.getInputStream());
      OutputStream out = client.getOutputStream();
      if (in.readUnsignedByte() != 5) {
        return;
      }
      byte[] methods = in.readNBytes(in.readUnsignedByte());
      boolean noAuth = false;
      for (byte m : methods) {
        noAuth |= m == 0;
      }
      out.write(new byte[] {5, (byte) (noAuth ? 0 : 0xFF)});
      out.flush();
      if (!noAuth) {
        return;
      }
      in.readUnsignedByte(); // version
      int command = in.readUnsignedByte();
      in.readUnsignedByte(); // reserved
      int type = in.readUnsignedByte();
      String host;
      switch (type) {
        case 1 -> host = InetAddress.getByAddress(in.readNBytes(4)).getHostAddress();
        case 3 -> host = new String(in.readNBytes(in.readUnsignedByte()), StandardCharsets.US_ASCII);
        case 4 -> host = InetAddress.getByAddress(in.readNBytes(16)).getHostAddress();
        default -> {
          reply(out, 8);
          return;
        }
      }
      int port = in.readUnsignedShort();
      connects.add(new Connect(type, host, port));
      if (command != 1) {
        reply(out, 7);
        return;
      }
      Integer mapped = names.get(host);
      int target;
      if (mapped != null) {
        target = mapped;
      } else if (host.equals("localhost")
          || (type != 3 && InetAddress.getByName(host).isLoopbackAddress())) {
        target = port;
      } else {
        reply(out, 4);
        return;
      }
      Socket upstream = new Socket();
      try (upstream) {
        try {
          upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), target), 2000);
        } catch (IOException e) {
          reply(out, 5);
          return;
        }
        open.add(upstream);
        reply(out, 0);
        pool.submit(() -> pipe(upstream.getInputStream(), client.getOutputStream(), client));
        pipe(client.getInputStream(), upstream.getOutputStream(), upstream);
      }
    } catch (IOException e) {
      // The client went away.
    }
  }

  private static void reply(OutputStream out, int code) throws IOException {
    out.write(new byte[] {5, (byte) code, 0, 1, 0, 0, 0, 0, 0, 0});
    out.flush();
  }

  /** Copies until the end, then half-closes the other side. */
  static Void pipe(InputStream from, OutputStream to, Socket toSocket) {
    try {
      from.transferTo(to);
      to.flush();
      toSocket.shutdownOutput();
    } catch (IOException e) {
      // One side closed.
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      s.close();
    }
    pool.shutdownNow();
  }
}
