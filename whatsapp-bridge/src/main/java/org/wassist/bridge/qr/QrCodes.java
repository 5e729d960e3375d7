package org.wassist.bridge.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import javax.imageio.ImageIO;

/** Renders a QR payload. The payload is a short-lived credential: callers never log it. */
public final class QrCodes {
    private static final int MARGIN = 2;

    private QrCodes() {}

    /** The module matrix with a quiet zone, one bit per module. */
    public static BitMatrix matrix(String payload) {
        try {
            return new QRCodeWriter()
                    .encode(
                            payload,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.L,
                                    EncodeHintType.MARGIN,
                                    MARGIN));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode the QR payload", e);
        }
    }

    /** A black-on-white PNG, {@code scale} pixels per module. */
    public static byte[] png(String payload, int scale) {
        BitMatrix m = matrix(payload);
        BufferedImage img =
                new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                img.setRGB(x, y, m.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the QR image", e);
        }
        return out.toByteArray();
    }

    /**
     * Text for a terminal: two module rows per line with the half blocks ▀ ▄ █ and spaces. Dark modules are drawn
     * as blank and light ones as blocks, so the code reads correctly on a dark terminal background.
     */
    public static String terminal(String payload) {
        BitMatrix m = matrix(payload);
        StringBuilder sb = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y += 2) {
            for (int x = 0; x < m.getWidth(); x++) {
                boolean top = !m.get(x, y);
                boolean bottom = y + 1 < m.getHeight() ? !m.get(x, y + 1) : true;
                sb.append(top && bottom ? '█' : top ? '▀' : bottom ? '▄' : ' ');
            }
            sb.append('\n');
        }
        return sb.toString();
    }
}
