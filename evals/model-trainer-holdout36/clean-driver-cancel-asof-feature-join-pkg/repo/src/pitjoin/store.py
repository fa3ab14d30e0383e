import io
import os

import pandas as pd
import requests


class OfflineStore:
    """Downloads feature-view snapshots as parquet from the internal feature service."""

    def __init__(self, endpoint: str, token_env: str):
        token = os.environ.get(token_env)
        if not token:
            raise RuntimeError(f"set {token_env} to read from the feature store")
        self.endpoint = endpoint.rstrip("/")
        self.session = requests.Session()
        self.session.headers["Authorization"] = f"Bearer {token}"

    def table(self, name: str, start: str, end: str) -> pd.DataFrame:
        resp = self.session.get(f"{self.endpoint}/{name}", params={"start": start, "end": end}, timeout=120)
        resp.raise_for_status()
        return pd.read_parquet(io.BytesIO(resp.content))
