import pandas as pd
from sklearn.model_selection import train_test_split


def load(path: str, min_rating: int) -> pd.DataFrame:
    g = pd.read_parquet(path)
    g = g[(g["white_rating"] >= min_rating) & (g["black_rating"] >= min_rating)]
    return g[g["rated"]].reset_index(drop=True)


def three_way(games: pd.DataFrame, test_size: float, valid_size: float, seed: int):
    rest, test = train_test_split(games, test_size=test_size, stratify=games["winner"], random_state=seed)
    train, valid = train_test_split(rest, test_size=valid_size, stratify=rest["winner"], random_state=seed)
    return {"train": train, "valid": valid, "test": test}
