package uk.mathshubs.webhooks.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.junit.jupiter.api.Test;

// Plain loops, not @ParameterizedTest: the Kafka test extension test-support brings claims every test template.
class ReceiverAddressTest {

    @Test
    void aPublicHttpsAddressMayReceive() {
        for (String url : List.of("https://www.example-hub.org.uk/hooks", "https://203.0.113.7:443/hooks", "https://[2001:db8::1]/h")) {
            assertThat(ReceiverAddress.refusal(url, false)).as(url).isEmpty();
        }
    }

    @Test
    void anAddressInsideOrNotHttpsIsRefused() {
        for (String url : List.of("http://www.example-hub.org.uk/hooks", "ftp://example.org/x", "/relative/path", "https:opaque",
            "https://localhost/hooks", "https://api.localhost/x", "https://127.0.0.1/x", "https://10.0.0.8/x", "https://172.16.4.4/x",
            "https://192.168.1.1/x", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/x", "https://0.0.0.0/x",
            "https://[::1]/x", "https://[fd00::1]/x", "https://[fe80::1]/x", "https://[::ffff:127.0.0.1]/x",
            "https://applications-service.work-groups.svc.cluster.local/api", "https://metadata.google.internal/x",
            "https://user:secret@example.org/x", "https://example.org:8443/x", "https://example.org/x#fragment", "https://255.255.255.255/x")) {
            assertThat(ReceiverAddress.refusal(url, false)).as(url).isPresent();
        }
    }

    @Test
    void aLocalReceiverOnlyWhereAllowed() {
        for (String url : List.of("http://127.0.0.1:8099/hooks", "http://localhost/x")) {
            assertThat(ReceiverAddress.refusal(url, true)).as(url).isEmpty();
            assertThat(ReceiverAddress.refusal(url, false)).as(url).isPresent();
        }
    }

    @Test
    void publicAddresses() throws UnknownHostException {
        for (String address : List.of("8.8.8.8", "2a00:1450:4009:81f::200e", "151.101.0.1", "64:ff9b::808:808", "2002:808:808::1")) {
            assertThat(ReceiverAddress.isPublic(InetAddress.getByName(address))).as(address).isTrue();
        }
    }

    @Test
    void privateAddresses() throws UnknownHostException {
        for (String address : List.of("127.0.0.53", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.1.1", "100.127.0.1", "224.0.0.1",
            "0.1.2.3", "::", "::1", "fc00::1", "fe80::1", "::ffff:10.0.0.1", "198.18.0.1", "240.0.0.1", "::127.0.0.1",
                "::10.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", "2002:a00:1::1", "2002:7f00:1::", "2001:0:4136:e378::1")) {
            assertThat(ReceiverAddress.isPublic(InetAddress.getByName(address))).as(address).isFalse();
        }
    }
}
