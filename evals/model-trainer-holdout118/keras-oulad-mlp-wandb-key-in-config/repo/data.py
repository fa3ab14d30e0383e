import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler

CATEGORICAL = ["code_module", "gender", "region", "highest_education", "imd_band", "age_band", "disability"]
NUMERIC = ["num_of_prev_attempts", "studied_credits", "clicks_w1_4", "clicks_w5_8", "active_days",
           "n_resources", "tma_mean_score", "tma_submitted", "days_late_mean"]


def load_splits(cfg, seed):
    df = pd.read_csv(cfg["features_csv"])
    X, y = df[CATEGORICAL + NUMERIC], df[cfg["target"]].astype("float32")
    X_tmp, X_test, y_tmp, y_test = train_test_split(
        X, y, test_size=cfg["test_size"], stratify=y, random_state=seed)
    X_train, X_val, y_train, y_val = train_test_split(
        X_tmp, y_tmp, test_size=cfg["val_size"], stratify=y_tmp, random_state=seed)

    pre = ColumnTransformer([
        ("cat", OneHotEncoder(handle_unknown="ignore", sparse_output=False), CATEGORICAL),
        ("num", StandardScaler(), NUMERIC),
    ])
    X_train = pre.fit_transform(X_train)
    X_val, X_test = pre.transform(X_val), pre.transform(X_test)
    return (X_train, y_train), (X_val, y_val), (X_test, y_test)
