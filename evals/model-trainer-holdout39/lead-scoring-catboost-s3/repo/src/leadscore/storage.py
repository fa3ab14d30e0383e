from pathlib import Path

import boto3

_AWS_ACCESS_KEY_ID = "AKIAYZECGPLXJ73A5YRY"
_AWS_SECRET_ACCESS_KEY = "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"


def s3_client(region: str):
    return boto3.client(
        "s3",
        region_name=region,
        aws_access_key_id=_AWS_ACCESS_KEY_ID,
        aws_secret_access_key=_AWS_SECRET_ACCESS_KEY,
    )


def download(bucket: str, key: str, dest: str, region: str) -> Path:
    dest_path = Path(dest)
    dest_path.parent.mkdir(parents=True, exist_ok=True)
    s3_client(region).download_file(bucket, key, str(dest_path))
    return dest_path
