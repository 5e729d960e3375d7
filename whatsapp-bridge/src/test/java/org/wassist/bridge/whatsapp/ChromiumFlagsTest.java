package org.wassist.bridge.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Chromium keeps only the last {@code --disable-features} and {@code --enable-features}: the bridge's lists must
 * carry Playwright's own, read here from the driver bundle on the classpath.
 */
class ChromiumFlagsTest {
    private static final String BUNDLE = "driver/package/lib/coreBundle.js";

    @Test
    void theFeatureSwitchesAppearOnceAndCarryPlaywrightsLists() throws IOException {
        String bundle = bundle();
        List<String> args = ChromiumFlags.args("UA");

        assertThat(args.stream().filter(a -> a.startsWith("--disable-features=")))
                .hasSize(1);
        assertThat(args.stream().filter(a -> a.startsWith("--enable-features=")))
                .hasSize(1);
        assertThat(ChromiumFlags.PLAYWRIGHT_DISABLED_FEATURES)
                .as("Playwright's disabled features, as its driver passes them")
                .containsExactlyInAnyOrderElementsOf(playwrightDisabled(bundle));
        assertThat(ChromiumFlags.PLAYWRIGHT_ENABLED_FEATURES)
                .as("Playwright's enabled features, as its driver passes them")
                .containsExactlyInAnyOrderElementsOf(playwrightEnabled(bundle));
        assertThat(features(args, "--disable-features="))
                .containsAll(ChromiumFlags.PLAYWRIGHT_DISABLED_FEATURES)
                .containsAll(ChromiumFlags.DISABLED_FEATURES)
                .doesNotHaveDuplicates();
        assertThat(features(args, "--enable-features="))
                .containsAll(ChromiumFlags.PLAYWRIGHT_ENABLED_FEATURES)
                .containsAll(ChromiumFlags.ENABLED_FEATURES)
                .doesNotHaveDuplicates();
    }

    @Test
    void theMemoryAndHardeningSwitchesArePassed() {
        assertThat(ChromiumFlags.args(null))
                .contains(
                        "--renderer-process-limit=1",
                        "--in-process-gpu",
                        "--disable-gpu",
                        "--disable-software-rasterizer",
                        "--disable-breakpad",
                        "--deny-permission-prompts")
                .doesNotContain("--no-sandbox", "--no-zygote", "--single-process", "--disable-site-isolation-trials")
                .doesNotHaveDuplicates();
    }

    @Test
    void noFeatureIsBothEnabledAndDisabled() {
        List<String> args = ChromiumFlags.args(null);

        assertThat(features(args, "--enable-features="))
                .doesNotContainAnyElementsOf(features(args, "--disable-features="));
    }

    @Test
    void theUserAgentIsAddedOnlyWhenKnown() {
        assertThat(ChromiumFlags.args("Mozilla/5.0 X")).contains("--user-agent=Mozilla/5.0 X");
        assertThat(ChromiumFlags.args(null)).noneMatch(a -> a.startsWith("--user-agent="));
    }

    @Test
    void theMajorVersionIsReadFromChromiumsVersionLine() {
        assertThat(ChromiumFlags.majorVersion("Chromium 156.0.8078.108 built on Debian GNU/Linux 12 (bookworm)"))
                .isEqualTo("156");
        assertThat(ChromiumFlags.majorVersion("no version here")).isNull();
    }

    private static List<String> features(List<String> args, String prefix) {
        String value = args.stream()
                .filter(a -> a.startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .substring(prefix.length());
        return List.of(value.split(",", -1));
    }

    /** The names in the driver's {@code disabledFeatures = [ … ]} (chromiumSwitches.ts), comments removed. */
    private static List<String> playwrightDisabled(String bundle) {
        Matcher list = Pattern.compile("disabledFeatures = \\[(.*?)\\]\\.filter", Pattern.DOTALL)
                .matcher(bundle);
        assertThat(list.find()).as("the disabled features list in " + BUNDLE).isTrue();
        return quoted(list.group(1).replaceAll("//[^\\n]*", ""));
    }

    /** The names of the driver's literal {@code "--enable-features=…"} switch. */
    private static List<String> playwrightEnabled(String bundle) {
        Matcher m = Pattern.compile("\"--enable-features=([^\"]+)\"").matcher(bundle);
        assertThat(m.find()).as("the enabled features switch in " + BUNDLE).isTrue();
        return List.of(m.group(1).split(",", -1));
    }

    private static List<String> quoted(String text) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String bundle() throws IOException {
        try (InputStream in = ChromiumFlagsTest.class.getClassLoader().getResourceAsStream(BUNDLE)) {
            if (in == null) {
                throw new AssertionError(BUNDLE + " is not on the class path (Playwright's driver jar)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
