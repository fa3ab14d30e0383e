import tomllib
from functools import cache


@cache
def settings(path: str = "pyproject.toml") -> dict:
    with open(path, "rb") as fh:
        return tomllib.load(fh)["tool"]["trialconv"]


def feature_list() -> list[str]:
    s = settings()
    return s["num_features"] + s["cat_features"]
