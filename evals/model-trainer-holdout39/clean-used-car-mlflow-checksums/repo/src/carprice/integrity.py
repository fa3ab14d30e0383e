import hashlib
from pathlib import Path


class ChecksumMismatch(RuntimeError):
    pass


def sha1_of(path: str | Path, chunk: int = 1 << 20) -> str:
    h = hashlib.sha1()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(chunk), b""):
            h.update(block)
    return h.hexdigest()


def verify(path: str | Path, expected_sha1: str) -> None:
    actual = sha1_of(path)
    if actual != expected_sha1:
        raise ChecksumMismatch(f"{path}: expected sha1 {expected_sha1}, got {actual}")
