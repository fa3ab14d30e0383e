import tomllib


def load(path="leadscore.toml") -> dict:
    with open(path, "rb") as f:
        return tomllib.load(f)
