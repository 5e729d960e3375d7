package org.wassist.sql;

/** pgvector's text form, {@code [1,2.5,-3]}. */
final class SqlVectors {
    private SqlVectors() {}

    static float[] parse(String literal) {
        String s = literal.strip();
        if (s.length() < 2 || s.charAt(0) != '[' || s.charAt(s.length() - 1) != ']') {
            throw new IllegalStateException("not a vector: expected [x,y,...]");
        }
        String body = s.substring(1, s.length() - 1).strip();
        if (body.isEmpty()) {
            return new float[0];
        }
        String[] parts = body.split(",", -1);
        float[] out = new float[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = Float.parseFloat(parts[i].strip());
        }
        return out;
    }
}
