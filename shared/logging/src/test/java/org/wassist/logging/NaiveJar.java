package org.wassist.logging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.logging.log4j.core.LogEvent;

/**
 * Makes the fat jar a shade without log4j's plugin-cache transformer would produce: the same jar, but its
 * {@code Log4j2Plugins.dat} is log4j-core's own (the first jar's copy wins), so our plugins are not registered.
 */
final class NaiveJar {
    static final String PLUGINS = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";

    private NaiveJar() {}

    static Path from(Path merged, Path target) throws IOException {
        byte[] coreCache = log4jCoreCache();
        try (ZipFile in = new ZipFile(merged.toFile());
                OutputStream file = Files.newOutputStream(target);
                ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                out.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(PLUGINS)) {
                    out.write(coreCache);
                } else if (!e.isDirectory()) {
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        return target;
    }

    private static byte[] log4jCoreCache() throws IOException {
        String coreJar = LogEvent.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();
        Enumeration<URL> caches = NaiveJar.class.getClassLoader().getResources(PLUGINS);
        while (caches.hasMoreElements()) {
            URL url = caches.nextElement();
            if (url.toString().startsWith("jar:" + coreJar + "!")) {
                try (InputStream in = url.openStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IllegalStateException("log4j-core's plugin cache is not on the test classpath");
    }
}
