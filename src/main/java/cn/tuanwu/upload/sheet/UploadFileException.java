package cn.tuanwu.upload.sheet;

/** The whole file is refused, with its F_ code and a Chinese message (never the file's content). */
public class UploadFileException extends Exception {

    private final FileFailure failure;

    public UploadFileException(FileFailure failure) {
        this(failure, failure.message());
    }

    public UploadFileException(FileFailure failure, String message) {
        super(message);
        this.failure = failure;
    }

    public UploadFileException(FileFailure failure, String message, Throwable cause) {
        super(message, cause);
        this.failure = failure;
    }

    public FileFailure failure() {
        return failure;
    }
}
