package dev.spotter.alert.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressesTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://pager.example.org/hook", "https://127.0.0.1/hook", "https://localhost:8443/hook",
            "https://10.0.0.7/hook", "https://192.168.1.20/hook", "https://172.16.4.4/hook", "https://169.254.169.254/latest",
            "https://[::1]/hook", "https://[fd00::1]/hook", "https://100.64.0.1/hook", "https://0.0.0.0/hook",
            "https://user:secret@93.184.215.14/hook", "ftp://93.184.215.14/hook", "not an address", "https:///nohost"})
    void productionRefusesPlainHttpPrivateNetworksAndOddAddresses(String address) {
        assertThat(WebhookAddresses.refusal(address, false)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.215.14/hook", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook"})
    void productionAcceptsHttpsToAPublicAddress(String address) {
        assertThat(WebhookAddresses.refusal(address, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8099/hook", "https://10.0.0.7/hook"})
    void aLocalRunMayReachThisMachine(String address) {
        assertThat(WebhookAddresses.refusal(address, true)).isEmpty();
    }
}
