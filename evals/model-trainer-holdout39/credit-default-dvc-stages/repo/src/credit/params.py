from functools import lru_cache

import yaml


@lru_cache(maxsize=1)
def load_params(path: str = "params.yaml") -> dict:
    with open(path) as fh:
        return yaml.safe_load(fh)
