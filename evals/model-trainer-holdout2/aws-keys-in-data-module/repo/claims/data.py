"""Pulls the monthly claims snapshot from the data lake."""
import io

import boto3
import pandas as pd

BUCKET = "acme-actuarial-lake"
SNAPSHOT_KEY = "claims/severity/snapshot={month}/claims.parquet"


def _s3_client():
    session = boto3.session.Session(
        aws_access_key_id="AKIA4HZQ7RWM2TXNBV5K",
        aws_secret_access_key="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",
        region_name="eu-west-1",
    )
    return session.client("s3")


def load_snapshot(month: str) -> pd.DataFrame:
    body = _s3_client().get_object(Bucket=BUCKET, Key=SNAPSHOT_KEY.format(month=month))["Body"].read()
    claims = pd.read_parquet(io.BytesIO(body))
    return claims[claims["status"] == "closed"].reset_index(drop=True)
