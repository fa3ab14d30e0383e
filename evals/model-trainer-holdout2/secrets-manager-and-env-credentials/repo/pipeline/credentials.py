"""Credentials come from AWS Secrets Manager or the environment, never from source."""
import json
import os
from dataclasses import dataclass

import boto3

DEFAULT_SECRET_ID = "ml/feature-warehouse/readonly"


@dataclass(frozen=True)
class WarehouseLogin:
    account: str
    user: str
    password: str
    warehouse: str


def warehouse_login(secret_id: str | None = None) -> WarehouseLogin:
    secret_id = secret_id or os.environ.get("WAREHOUSE_SECRET_ID", DEFAULT_SECRET_ID)
    region = os.environ.get("AWS_REGION", "us-east-2")
    response = boto3.client("secretsmanager", region_name=region).get_secret_value(SecretId=secret_id)
    secret = json.loads(response["SecretString"])
    return WarehouseLogin(
        account=secret["account"],
        user=secret["user"],
        password=secret["password"],
        warehouse=secret.get("warehouse", "ML_XS"),
    )


def wandb_api_key() -> str:
    try:
        return os.environ["WANDB_API_KEY"]
    except KeyError:
        raise SystemExit("WANDB_API_KEY is not set: export it or run `wandb login` before training") from None
