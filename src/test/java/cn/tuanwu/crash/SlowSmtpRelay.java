package cn.tuanwu.crash;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP relay in front of the test's SMTP server that can hold back the server's answer to the end of
 * a message's data ({@code CRLF.CRLF}): the server has then accepted the e-mail, while the sending node
 * still waits to hear so and has not recorded it as sent. A node killed in that moment is the one case
 * an outbox cannot make exactly-once; the crash test makes it happen on purpose.
 */
final class SlowSmtpRelay implements AutoCloseable {

    private static final byte[] END_OF_DATA = {'\r', '\n', '.', '\r', '\n'};

    private final ServerSocket listener;
    private final int serverPort;
    private volatile Duration hold = Duration.ZERO;
    private final AtomicBoolean open = new AtomicBoolean(true);

    SlowSmtpRelay(int serverPort) throws IOException {
        this.serverPort = serverPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-relay");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How long the server's answer to the end of each message's data is held back from now on. */
    void holdAcceptance(Duration hold) {
        this.hold = hold;
    }

    private void accept() {
        while (open.get()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort);
                AtomicBoolean dataEnded = new AtomicBoolean();
                pump("smtp-relay-up", client, server, dataEnded, true);
                pump("smtp-relay-down", server, client, dataEnded, false);
            } catch (IOException e) {
                if (open.get()) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /**
     * Copies one direction. Upstream (client to server) notices the end of a message's data; downstream
     * (server to client) then holds the next answer back.
     */
    private void pump(String name, Socket from, Socket to, AtomicBoolean dataEnded, boolean upstream) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            byte[] tail = new byte[END_OF_DATA.length];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) > 0) {
                    if (upstream) {
                        if (endsData(tail, buffer, read)) {
                            dataEnded.set(true);
                        }
                    } else if (dataEnded.getAndSet(false) && !hold.isZero()) {
                        Thread.sleep(hold.toMillis());
                    }
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException | InterruptedException closed) {
                // One side hung up (a killed node, the end of a session): close the other.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Keeps the last bytes seen in {@code tail} and tells whether they now end with CRLF.CRLF. */
    private static boolean endsData(byte[] tail, byte[] buffer, int read) {
        for (int i = 0; i < read; i++) {
            System.arraycopy(tail, 1, tail, 0, tail.length - 1);
            tail[tail.length - 1] = buffer[i];
        }
        return java.util.Arrays.equals(tail, END_OF_DATA);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() throws IOException {
        open.set(false);
        listener.close();
    }
}
