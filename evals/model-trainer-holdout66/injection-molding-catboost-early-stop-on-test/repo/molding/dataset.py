import pandas as pd


def load_shots(cfg):
    df = pd.read_csv(cfg["path"])
    df = df.drop(columns=cfg["drop"])
    for col in cfg["categorical"]:
        df[col] = df[col].astype(str)
    y = df.pop(cfg["target"]).astype(int)
    return df, y


def describe_balance(y):
    counts = y.value_counts().sort_index()
    return ", ".join(f"{k}: {v} ({v / len(y):.1%})" for k, v in counts.items())
