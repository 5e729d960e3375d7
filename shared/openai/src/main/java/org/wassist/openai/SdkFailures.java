package org.wassist.openai;

import com.openai.errors.OpenAIInvalidDataException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import java.util.Optional;
import java.util.regex.Pattern;
import org.wassist.pipeline.ErrorCode;
import org.wassist.pipeline.Failure;

/**
 * Turns SDK exceptions into our failures. The SDK's messages quote the provider's error body, which can echo the
 * user's text or part of a key, so they are never copied and the SDK exception is never attached as a cause: the
 * detail names the status, the exception classes and the provider's error code when it is a plain identifier.
 */
final class SdkFailures {
    private static final Pattern PLAIN_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private SdkFailures() {}

    /** 401, 403 and 429: the key was refused or throttled, so it rests and the next key is tried. */
    static boolean restsKey(OpenAIServiceException e) {
        int s = e.statusCode();
        return s == 401 || s == 403 || s == 429;
    }

    /** A 400 that names {@code max_tokens}: the model wants {@code max_completion_tokens} instead. */
    static boolean wantsCompletionField(OpenAIServiceException e) {
        return e.statusCode() == 400
                && e.param().filter(ChatParams.MAX_TOKENS::equals).isPresent();
    }

    static Failure of(OpenAIServiceException e, int maxRetries) {
        int s = e.statusCode();
        String what = "HTTP " + s + code(e) + " (" + chain(e) + ")";
        if (s == 408 || s == 409 || s >= 500) {
            return new Failure.Transient(
                    ErrorCode.MODEL_UNAVAILABLE, "model server failed: " + what + retries(maxRetries));
        }
        if (s == 400 && e.code().filter("context_length_exceeded"::equals).isPresent()) {
            return new Failure.Permanent(ErrorCode.PROMPT_TOO_LONG, "model refused a too-long prompt: " + what);
        }
        return new Failure.Permanent(ErrorCode.MODEL_REJECTED, "model refused the request: " + what);
    }

    /** No usable answer: timeouts, connection failures, unreadable responses, anything else the SDK threw. */
    static Failure of(RuntimeException e, int maxRetries) {
        String what;
        if (e instanceof OpenAIIoException) {
            what = "no answer from the model server (timeout or connection failure)";
        } else if (e instanceof OpenAIInvalidDataException) {
            what = "unreadable answer from the model server";
        } else {
            what = "unexpected error calling the model server";
        }
        return new Failure.Transient(ErrorCode.MODEL_UNAVAILABLE, what + " (" + chain(e) + ")" + retries(maxRetries));
    }

    static Failure allKeysResting(int keys, int lastStatus) {
        String last = lastStatus == 0 ? "" : "; last answer HTTP " + lastStatus;
        return new Failure.Transient(
                ErrorCode.MODEL_UNAVAILABLE,
                "all " + keys + " model API key(s) are resting after being refused or throttled" + last);
    }

    static Failure noKeys() {
        return new Failure.Permanent(
                ErrorCode.MODEL_NOT_CONFIGURED, "no model API key configured (OPENAI_API_KEY or OPENAI_API_KEYS)");
    }

    private static String retries(int maxRetries) {
        return maxRetries == 0 ? "" : " after up to " + maxRetries + " SDK retries";
    }

    /** The provider's error code, only when it is a short identifier (it is free text on some servers). */
    private static String code(OpenAIServiceException e) {
        Optional<String> code = e.code().filter(c -> PLAIN_CODE.matcher(c).matches());
        return code.map(c -> " code=" + c).orElse("");
    }

    /** Exception class names along the cause chain: they carry no provider text. */
    static String chain(Throwable t) {
        StringBuilder sb = new StringBuilder(t.getClass().getSimpleName());
        Throwable c = t.getCause();
        for (int depth = 0; c != null && depth < 4; depth++, c = c.getCause()) {
            sb.append(" <- ").append(c.getClass().getSimpleName());
        }
        return sb.toString();
    }
}
