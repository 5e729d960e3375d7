package org.wassist.standins.dataapi;

/** An error answered the Data API way: an HTTP status, an {@code x-amzn-ErrorType} and {@code {"message": …}}. */
final class DataApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String errorType;

    private DataApiException(int status, String errorType, String message) {
        super(message);
        this.status = status;
        this.errorType = errorType;
    }

    static DataApiException badRequest(String message) {
        return new DataApiException(400, "BadRequestException", message);
    }

    static DataApiException notFound(String message) {
        return new DataApiException(404, "NotFoundException", message);
    }

    int status() {
        return status;
    }

    String errorType() {
        return errorType;
    }
}
