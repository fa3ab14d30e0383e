import pandas as pd


def load_split(cfg):
    d = cfg["data"]
    df = pd.read_csv(d["path"], parse_dates=[d["date_col"]])
    df = df.sort_values(d["date_col"]).dropna(subset=cfg["features"] + [d["target"]])
    train = df[df[d["date_col"]] <= d["train_until"]]
    test = df[df[d["date_col"]] >= d["test_from"]]
    X_train, y_train = train[cfg["features"]], train[d["target"]].astype(int)
    X_test, y_test = test[cfg["features"]], test[d["target"]].astype(int)
    return X_train, y_train, X_test, y_test, test
