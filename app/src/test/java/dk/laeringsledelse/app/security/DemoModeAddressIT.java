package dk.laeringsledelse.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.laeringsledelse.app.LaeringsledelseApplication;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.coyote.AbstractProtocol;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.context.ConfigurableApplicationContext;

/** Demo mode, where POST /dev/token signs a token for anyone, is not reachable from the network by default. */
class DemoModeAddressIT {

    @TempDir
    Path dataDir;

    @Test
    void givenDemoMode_whenNoAddressIsSet_thenOnlyLoopbackIsServed() throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LaeringsledelseApplication.class).run(
                "--laeringsledelse.mode=demo",
                "--server.port=0",
                "--laeringsledelse.store.embedded.port=0",
                "--laeringsledelse.store.embedded.data-dir=" + dataDir)) {
            TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) app).getWebServer();
            int port = server.getPort();
            InetAddress bound = ((AbstractProtocol<?>) server.getTomcat().getConnector().getProtocolHandler())
                    .getAddress();
            assertThat(bound).as("the address listened on").isNotNull();
            assertThat(bound.isLoopbackAddress()).as("%s is loopback", bound).isTrue();

            connect(InetAddress.getByName("127.0.0.1"), port);
            Optional<InetAddress> network = networkAddress();
            if (network.isPresent()) { // a host without a network interface has nothing more to show
                assertThatThrownBy(() -> connect(network.get(), port)).isInstanceOf(ConnectException.class);
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 5_000);
        }
    }

    /** An IPv4 address of this host that is not loopback: where a neighbour on the network would connect. */
    private static Optional<InetAddress> networkAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(DemoModeAddressIT::isUpAndNotLoopback)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst();
    }

    private static boolean isUpAndNotLoopback(NetworkInterface networkInterface) {
        try {
            return networkInterface.isUp() && !networkInterface.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
